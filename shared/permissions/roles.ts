/**
 * The five roles of an organization, from most to least powerful. The order
 * is the permission ladder: a role may do everything the roles below it may
 * (the matrix in ./matrix.ts is written as "the least role that may").
 */
export const ROLES = ['owner', 'admin', 'manager', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

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

/** True when `role` is `least` or stronger. */
export function atLeast(role: Role, least: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(least);
}

/** The weaker of two roles (an API key never exceeds its creator, nor its own role). */
export function weakerRole(a: Role, b: Role | undefined): Role {
  if (!b) return a;
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b;
}
