import { chatPermissions } from '../chat/permissions.ts';
import { customerSuccessPermissions } from '../customer-success/permissions.ts';
import { kpiUploadPermissions } from '../customer-success/uploads-permissions.ts';
import { dashboardPermissions } from '../dashboards/permissions.ts';
import { liveHealthPermissions } from '../health/live-permissions.ts';
import { healthPermissions } from '../health/permissions.ts';
import { kpiTrackerPermissions } from '../kpi-tracker/permissions.ts';
import { platformPermissions } from '../platform/permissions.ts';
import { playbookPermissions } from '../playbooks/permissions.ts';
import { reportEmailPermissions } from '../report-email/permissions.ts';
import { shopFloorPermissions } from '../shop-floor/permissions.ts';
import { type Grant, mergePermissions, type PermissionFragment, type Scope } from './define.ts';
import { atLeast, isRole, ROLES, type Role } from './roles.ts';

/**
 * The one permission matrix: every pack's fragment, merged. Everything else
 * derives from it: the mutators' and REST routes' checks (can), the web app's
 * hiding of what a person cannot do, better-auth's access control, the roles
 * an API key may carry, and the app_role_permission table that the RLS
 * policies read (written from permissionRows() at every start).
 */
export const PERMISSIONS = mergePermissions(
  platformPermissions,
  kpiTrackerPermissions,
  dashboardPermissions,
  healthPermissions,
  playbookPermissions,
  customerSuccessPermissions,
  liveHealthPermissions,
  kpiUploadPermissions,
  shopFloorPermissions,
  reportEmailPermissions,
  chatPermissions,
);

export type Resource = keyof typeof PERMISSIONS;
export type Action<R extends Resource> = keyof (typeof PERMISSIONS)[R] & string;

const TABLE: PermissionFragment = PERMISSIONS;

function scopeOfGrant(grant: Grant, role: Role): Scope | null {
  if (typeof grant === 'string') return atLeast(role, grant) ? 'all' : null;
  if (grant.all && atLeast(role, grant.all)) return 'all';
  return atLeast(role, grant.own) ? 'own' : null;
}

/** How far `role` may take `action` on `resource`: every row, its own rows, or not at all. */
export function scopeOf<R extends Resource>(role: string | null | undefined, resource: R, action: Action<R>): Scope | null {
  const grant = TABLE[resource]?.[action];
  if (!isRole(role) || !grant) return null;
  return scopeOfGrant(grant, role);
}

/**
 * Whether `role` may take `action` on `resource` at all. For an action some
 * roles may take only on their own rows, also check the row with canActOn.
 */
export function can<R extends Resource>(role: string | null | undefined, resource: R, action: Action<R>): boolean {
  return scopeOf(role, resource, action) !== null;
}

/**
 * Whether `role`, acting as `userID`, may take `action` on one row owned by
 * `ownerID` (who entered it). The mutators and the web app both ask this.
 */
export function canActOn<R extends Resource>(
  role: string | null | undefined,
  resource: R,
  action: Action<R>,
  ownerID: string | null | undefined,
  userID: string | null | undefined,
): boolean {
  const scope = scopeOf(role, resource, action);
  return scope === 'all' || (scope === 'own' && !!userID && ownerID === userID);
}

/** The roles that may take `action` on `resource` (on some rows at least), strongest first. */
export function rolesThat<R extends Resource>(resource: R, action: Action<R>): Role[] {
  return ROLES.filter((role) => can(role, resource, action));
}

/** Roles a member with `role` may hand out: never above their own, and only owners make owners. */
export function assignableRoles(role: string | null | undefined): Role[] {
  if (!isRole(role) || !can(role, 'member', 'invite')) return [];
  return ROLES.filter((r) => atLeast(role, r) && (role === 'owner' || r !== 'owner'));
}

export interface PermissionRow {
  role: Role;
  resource: string;
  action: string;
  scope: Scope;
}

/** The matrix as rows, one per role and permitted action: what app_role_permission holds. */
export function permissionRows(): PermissionRow[] {
  return ROLES.flatMap((role) =>
    Object.entries(TABLE).flatMap(([resource, actions]) =>
      Object.entries(actions).flatMap(([action, grant]) => {
        const scope = scopeOfGrant(grant, role);
        return scope ? [{ role, resource, action, scope }] : [];
      }),
    ),
  );
}

/** Every resource and action the matrix names (for tests and tables that list them all). */
export function allPermissions(): { resource: Resource; action: string }[] {
  return Object.entries(TABLE).flatMap(([resource, actions]) =>
    Object.keys(actions).map((action) => ({ resource: resource as Resource, action })),
  );
}
