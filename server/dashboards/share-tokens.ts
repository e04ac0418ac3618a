import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Sql } from 'postgres';
import { SHARE_TOKEN_PREFIX, shareIDOf } from '../../shared/dashboards/share-token.ts';

/**
 * Read-only share links for wall screens. The token is `lks_<link id>_<32
 * random bytes>`: the id finds the row, the hash of the whole token proves
 * it. Only the hash is stored (and it is not published to zero-cache).
 */
const SHOWN_CHARS = 12;

export function newShareToken(shareID: string): { token: string; prefix: string; hash: string } {
  const token = `${SHARE_TOKEN_PREFIX}${shareID}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, SHOWN_CHARS), hash: hashShareToken(token) };
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const isShareToken = (token: string) => token.startsWith(SHARE_TOKEN_PREFIX);

export interface LiveShare {
  id: string;
  orgID: string;
  dashboardID: string;
}

/**
 * The live link this token proves, or null: unknown, wrong secret, revoked,
 * expired, or its dashboard no longer shared all look the same. Runs on the
 * admin pool (a link is no member, so no tenant applies until it is found).
 */
export async function findLiveShare(adminSql: Sql, token: string): Promise<LiveShare | null> {
  const id = shareIDOf(token);
  if (!id) return null;
  const rows = await adminSql<{ id: string; organization_id: string; dashboard_id: string; token_hash: string }[]>`
    SELECT s.id, s.organization_id, s.dashboard_id, s.token_hash
      FROM dashboard_share s
      JOIN dashboard d ON d.organization_id = s.organization_id AND d.id = s.dashboard_id
     WHERE s.id = ${id} AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()) AND d.shared`;
  const row = rows[0];
  if (!row) return null;
  const presented = Buffer.from(hashShareToken(token), 'hex');
  const stored = Buffer.from(row.token_hash, 'hex');
  if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) return null;
  return { id: row.id, orgID: row.organization_id, dashboardID: row.dashboard_id };
}

/** The token in `Authorization: Bearer lks_...`, or null. */
export function bearerShareToken(authorization: string | undefined): string | null {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  return token && isShareToken(token) ? token : null;
}

/** The Zero user id of a wall screen opened with a link: never a real user's id. */
export const shareUserID = (shareID: string) => `share:${shareID}`;
