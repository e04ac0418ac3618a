import { can } from '../permissions/matrix.ts';
import { atLeast, ROLES, type Role } from '../permissions/roles.ts';

export type ApiKeyRole = Exclude<Role, 'owner'>;

/**
 * Roles an API key may carry: any but owner, so a leaked script key can never
 * delete the organization or hand out ownership. A key acts with the weaker
 * of its role and its creator's current role.
 */
export const API_KEY_ROLES = ROLES.filter((r): r is ApiKeyRole => r !== 'owner') as [ApiKeyRole, ...ApiKeyRole[]];

export function isApiKeyRole(value: unknown): value is ApiKeyRole {
  return typeof value === 'string' && (API_KEY_ROLES as readonly string[]).includes(value);
}

/** Roles a member with `role` may give a new key: none unless they manage keys, never above their own. */
export function apiKeyRolesFor(role: string | null | undefined): ApiKeyRole[] {
  if (!can(role, 'apiKey', 'manage')) return [];
  return API_KEY_ROLES.filter((r) => atLeast(role as Role, r));
}
