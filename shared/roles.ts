/**
 * Roles and what they may do. The data lives in the permission matrix
 * (shared/permissions/matrix.ts, merged from each pack's fragment); this
 * module is the short import path the rest of the code uses. The server
 * checks permissions (sync/permissions.ts, the REST routes, RLS); the web app
 * only uses them to hide what a person cannot do.
 */
export type { Scope } from './permissions/define.ts';
export {
  type Action,
  assignableRoles,
  can,
  canActOn,
  type Resource,
  rolesThat,
  scopeOf,
} from './permissions/matrix.ts';
export { atLeast, isRole, ROLE_LABELS, ROLES, type Role, weakerRole } from './permissions/roles.ts';
