import { atLeast, type Role } from './roles.ts';

/**
 * How far a granted action reaches: every row of the organization, or only
 * the rows the member owns (entered, or that are theirs, like a layout).
 */
export type Scope = 'all' | 'own';

/**
 * Who may take one action: the least role that may, on every row; or the
 * least role that may on its own rows (`own`), and the least that may on
 * every row (`all`, if anyone). Stronger roles inherit, so the matrix always
 * follows the role ladder (which API keys' "weaker of two roles" relies on).
 */
export type Grant = Role | { readonly own: Role; readonly all?: Role };

/** A pack's part of the matrix: resource -> action -> grant. */
export type PermissionFragment = Readonly<Record<string, Readonly<Record<string, Grant>>>>;

/** Declares a fragment, keeping its literal resource and action names for the types. */
export function definePermissions<const F extends PermissionFragment>(fragment: F): F {
  return fragment;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * Merges the packs' fragments into one matrix. A resource belongs to exactly
 * one pack: a second fragment naming it is a mistake, refused at start-up.
 */
export function mergePermissions<const Fs extends readonly PermissionFragment[]>(
  ...fragments: Fs
): UnionToIntersection<Fs[number]> & PermissionFragment {
  const merged: Record<string, Readonly<Record<string, Grant>>> = {};
  for (const fragment of fragments) {
    for (const [resource, actions] of Object.entries(fragment)) {
      if (resource in merged) throw new Error(`Permission resource "${resource}" is defined by two fragments.`);
      for (const [action, grant] of Object.entries(actions)) {
        if (typeof grant === 'object' && grant.all && !atLeast(grant.all, grant.own)) {
          throw new Error(`Permission ${resource}.${action}: "all" (${grant.all}) must not be weaker than "own" (${grant.own}).`);
        }
      }
      merged[resource] = actions;
    }
  }
  return merged as UnionToIntersection<Fs[number]> & PermissionFragment;
}
