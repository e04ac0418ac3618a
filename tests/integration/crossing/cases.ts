import type { ReadonlyJSONValue } from '@rocicorp/zero';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { World } from './world.ts';

export type Args = ReadonlyJSONValue | undefined;

/** How a registered synced query is tried across the tenant boundary. */
export interface QueryFactory {
  /** Arguments that point at organization A's rows (its id, its KPI, ...). */
  args(w: World): Args;
  /**
   * The query is about the caller, not an organization named in its
   * arguments (the list of one's organizations): the intruder then receives
   * their own rows, never A's. By default the intruder receives nothing.
   */
  intruderSeesOwn?: true;
  /**
   * Read by a wall screen holding a dashboard's share link (ctx.share), not
   * by a member: the positive control reads it with A's link; every member,
   * A's owner included, gets nothing from it.
   */
  readByShareLink?: true;
}

/** One way to name A's rows from B, and the refusal it must get. */
export interface FromOwnOrg {
  args(w: World): Args;
  refusal: ErrorCode;
}

/** How a registered mutator is tried across the tenant boundary. */
export interface MutatorFactory {
  /**
   * A write against A's rows, with fresh ids for rows it would create. The
   * intruder working as A, A's viewer and A's owner (the positive control:
   * it must succeed and change A) all send it.
   */
  args(w: World): Args;
  /**
   * The intruder working in their own organization, naming A's rows: by
   * default `args` again, refused as NOT_FOUND. A create lists its own ways
   * instead (A's existing ids for its new rows, A's rows as references from
   * B's rows), since new ids alone would just create rows in B. `allowed`
   * says why a write that only touches the intruder's own rows is fine.
   */
  fromOwnOrg?: FromOwnOrg[] | { allowed: string };
  /** Why A's viewer may make this write (it changes only the viewer's own rows); by default refused as FORBIDDEN. */
  viewer?: { allowed: string };
}

/** Merges packs' factory maps; a name given twice is a mistake, not an override. */
export function mergeFactories<F>(...packs: Record<string, F>[]): Record<string, F> {
  const all: Record<string, F> = {};
  for (const pack of packs) {
    for (const [name, factory] of Object.entries(pack)) {
      if (name in all) throw new Error(`Two crossing factories for ${name}`);
      all[name] = factory;
    }
  }
  return all;
}
