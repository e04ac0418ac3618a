import postgres, { type Sql, type TransactionSql } from 'postgres';
import type { DatabaseUrls } from './roles.ts';

/**
 * Three connection pools, one per database role (see roles.ts):
 *  - admin: the configured URL's user; migrations, seeding and health only.
 *  - app:   kpi_app. Every request-time query and mutator runs here, under row-level security.
 *  - auth:  kpi_auth; better-auth's tables only.
 */
export interface Pools {
  admin: Sql;
  app: Sql;
  auth: Sql;
  close(): Promise<void>;
}

export function connect(url: string, max: number, name: string): Sql {
  return postgres(url, { max, onnotice: () => {}, connection: { application_name: name } });
}

export function createPools(urls: DatabaseUrls): Pools {
  const admin = connect(urls.admin, 3, 'kpi-admin');
  const app = connect(urls.app, 10, 'kpi-app');
  const auth = connect(urls.auth, 5, 'kpi-auth');
  return {
    admin,
    app,
    auth,
    close: async () => {
      await Promise.all([admin.end({ timeout: 2 }), app.end({ timeout: 2 }), auth.end({ timeout: 2 })]);
    },
  };
}

export interface TenantContext {
  userID: string;
  orgID: string | null;
  /** What made the write, recorded in the audit log (e.g. "mutator:kpi.create"). */
  source: string;
}

/** Sets the acting user and organization for the rest of this transaction (RLS and audit read them). */
export async function setTenant(tx: TransactionSql, ctx: TenantContext): Promise<void> {
  await tx`SELECT set_config('app.user_id', ${ctx.userID}, true),
                  set_config('app.org_id', ${ctx.orgID ?? ''}, true),
                  set_config('app.source', ${ctx.source}, true)`;
}

/** Runs `fn` in a transaction on the app pool with the tenant context set. */
export function withTenant<T>(sql: Sql, ctx: TenantContext, fn: (tx: TransactionSql) => Promise<T>): Promise<T> {
  return sql.begin(async (tx) => {
    await setTenant(tx, ctx);
    return fn(tx);
  }) as Promise<T>;
}

/** Refuses a Postgres that zero-cache cannot replicate from. */
export async function assertLogicalWal(sql: Sql): Promise<void> {
  const [row] = await sql<{ wal_level: string }[]>`SHOW wal_level`;
  if (row?.wal_level !== 'logical') {
    throw new Error(
      `Postgres has wal_level=${row?.wal_level ?? 'unknown'}, but live sync needs wal_level=logical.\n` +
        'Set it (ALTER SYSTEM SET wal_level = logical; then restart Postgres), or unset DATABASE_URL to use the embedded Postgres.',
    );
  }
}
