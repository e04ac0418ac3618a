import { createHmac } from 'node:crypto';
import type { Sql } from 'postgres';

/**
 * The server's two database roles (created by migration 002):
 *  - kpi_app:  tenant data under row-level security, membership read-only;
 *  - kpi_auth: better-auth's tables only.
 * Both log in with their own password, so a connection of theirs can never
 * SET ROLE to anything stronger (they are members of no other role).
 * The passwords are derived from AUTH_SECRET, so every server instance
 * computes the same ones and no further secret needs distributing.
 */
export const DB_ROLES = { app: 'kpi_app', auth: 'kpi_auth' } as const;

export interface DatabaseUrls {
  /** The configured URL's own user: migrations, role set-up, seeding, health. */
  admin: string;
  app: string;
  auth: string;
}

function rolePassword(secret: string, role: string): string {
  return createHmac('sha256', secret).update(`database-role:${role}`).digest('hex');
}

function urlFor(adminUrl: string, role: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

/** Gives both roles LOGIN with their derived passwords (idempotent; run at every start). */
export async function enableRoleLogins(admin: Sql, adminUrl: string, secret: string): Promise<DatabaseUrls> {
  const urls: DatabaseUrls = { admin: adminUrl, app: '', auth: '' };
  for (const key of ['app', 'auth'] as const) {
    const role = DB_ROLES[key];
    const password = rolePassword(secret, role);
    // Utility statements take no parameters; the role is a constant and the password is hex.
    await admin.unsafe(`ALTER ROLE ${role} WITH LOGIN PASSWORD '${password}'`);
    urls[key] = urlFor(adminUrl, role, password);
  }
  return urls;
}
