/**
 * Roles are data: each role maps resources to the actions it may take.
 * The server checks these in one place (sync/permissions.ts and the REST
 * routes); the web app only uses them to hide what a person cannot do.
 */
export const ROLES = ['owner', 'admin', 'manager', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const RESOURCE_ACTIONS = {
  kpi: ['read', 'create', 'update', 'archive'],
  dataPoint: ['read', 'create', 'update', 'delete'],
  goal: ['read', 'create', 'update', 'archive'],
  /** The organization's extra units and categories. */
  kpiOption: ['read', 'manage'],
  apiKey: ['read', 'manage'],
  member: ['read', 'invite', 'update', 'remove'],
  organization: ['read', 'update', 'delete'],
} as const;

export type Resource = keyof typeof RESOURCE_ACTIONS;
export type Action<R extends Resource> = (typeof RESOURCE_ACTIONS)[R][number];
export type Permissions = { [R in Resource]: readonly Action<R>[] };

const viewer: Permissions = {
  kpi: ['read'],
  dataPoint: ['read'],
  goal: ['read'],
  kpiOption: ['read'],
  apiKey: [],
  member: ['read'],
  organization: ['read'],
};
/** Operators may edit only the data points they entered (checked by the mutator). */
const operator: Permissions = { ...viewer, dataPoint: ['read', 'create', 'update'] };
const manager: Permissions = {
  ...operator,
  kpi: ['read', 'create', 'update', 'archive'],
  dataPoint: ['read', 'create', 'update', 'delete'],
  goal: ['read', 'create', 'update', 'archive'],
};
const admin: Permissions = {
  ...manager,
  kpiOption: ['read', 'manage'],
  apiKey: ['read', 'manage'],
  member: ['read', 'invite', 'update', 'remove'],
  organization: ['read', 'update'],
};
const owner: Permissions = { ...admin, organization: ['read', 'update', 'delete'] };

export const ROLE_PERMISSIONS: Record<Role, Permissions> = { owner, admin, manager, operator, viewer };

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  manager: 'Manager',
  operator: 'Operator',
  viewer: 'Viewer',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can<R extends Resource>(role: string | null | undefined, resource: R, action: Action<R>): boolean {
  if (!isRole(role)) return false;
  const allowed: readonly string[] = ROLE_PERMISSIONS[role][resource];
  return allowed.includes(action);
}

/** The weaker of two roles (an API key never exceeds its creator, nor its own role). */
export function weakerRole(a: Role, b: Role | undefined): Role {
  if (!b) return a;
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b;
}

/** Roles a member with `role` may hand out: never above their own. */
export function assignableRoles(role: string | null | undefined): Role[] {
  if (!isRole(role) || !can(role, 'member', 'invite')) return [];
  const rank = ROLES.indexOf(role);
  return ROLES.filter((_, i) => i >= rank && (role === 'owner' || i > 0));
}
