import { migrate } from '../../db/migrate.ts';
import { assertLogicalWal, connect } from './pools.ts';
import { syncRolePermissions } from './role-permissions.ts';
import { type DatabaseUrls, enableRoleLogins } from './roles.ts';

export interface PreparedDatabase {
  urls: DatabaseUrls;
  /** Every migration recorded as applied, in order. */
  migrations: string[];
}

/**
 * Readies a database for the server: checks logical WAL, applies pending
 * migrations, writes the permission matrix's rows and enables the restricted
 * roles' logins. Safe to run at every start and from several instances at
 * once (migrations take an advisory lock, the matrix a table lock).
 */
export async function prepareDatabase(adminUrl: string, secret: string, log: (line: string) => void): Promise<PreparedDatabase> {
  const admin = connect(adminUrl, 1, 'kpi-prepare');
  try {
    await assertLogicalWal(admin);
    const fresh = await migrate(adminUrl, log);
    if (fresh.length) log(`applied migrations: ${fresh.join(', ')}`);
    // Before anything serves requests: the RLS policies read these rows.
    await syncRolePermissions(admin);
    const migrations = (await admin<{ name: string }[]>`SELECT name FROM pgmigrations ORDER BY id`).map((r) => r.name);
    const urls = await enableRoleLogins(admin, adminUrl, secret);
    return { urls, migrations };
  } finally {
    await admin.end({ timeout: 2 });
  }
}
