import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';
import { isRole, type Role } from '../../../shared/roles.ts';
import { setTenant } from '../../db/pools.ts';

export const API_KEY_PREFIX = 'lk_';
/** Characters of the key kept in clear (and shown in lists) so people can tell keys apart. */
const SHOWN_CHARS = 10;
/** last_used_at is refreshed at most this often, so a busy key does not write on every request. */
const TOUCH_INTERVAL_SECONDS = 60;

/** A new key: `lk_` + 32 random bytes (base64url). Only its hash is stored. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, SHOWN_CHARS), hash: hashApiKey(key) };
}

/** SHA-256 (hex) of the whole key. The key has 256 random bits, so a plain fast hash is enough. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface ActiveKey {
  id: string;
  orgID: string;
  /** The key's creator, whom it acts as. */
  userID: string;
  role: Role;
}

/**
 * The live key with this secret, or null. Runs on the admin pool: no tenant
 * is known until the key is found. A revoked key, a key whose creator was
 * deleted or has left the organization, finds nothing.
 */
export async function findActiveKey(adminSql: Sql, key: string): Promise<ActiveKey | null> {
  if (!key.startsWith(API_KEY_PREFIX)) return null;
  const rows = await adminSql<{ id: string; organization_id: string; created_by: string; role: string; fresh: boolean }[]>`
    SELECT k.id, k.organization_id, k.created_by, k.role,
           coalesce(k.last_used_at > now() - make_interval(secs => ${TOUCH_INTERVAL_SECONDS}), false) AS fresh
      FROM api_key k
      JOIN member m ON m."organizationId" = k.organization_id AND m."userId" = k.created_by
     WHERE k.secret_hash = ${hashApiKey(key)} AND k.revoked_at IS NULL`;
  const row = rows[0];
  if (!row || !isRole(row.role)) return null;
  if (!row.fresh) await touchKey(adminSql, row.id, row.organization_id, row.created_by);
  return { id: row.id, orgID: row.organization_id, userID: row.created_by, role: row.role };
}

/** Records the use; the audit row names the key's creator, like every write the key makes. */
async function touchKey(adminSql: Sql, id: string, orgID: string, userID: string): Promise<void> {
  await adminSql.begin(async (tx) => {
    await setTenant(tx, { userID, orgID, source: 'rest:api-key-used' });
    await tx`UPDATE api_key SET last_used_at = now()
              WHERE id = ${id}
                AND (last_used_at IS NULL OR last_used_at <= now() - make_interval(secs => ${TOUCH_INTERVAL_SECONDS}))`;
  });
}
