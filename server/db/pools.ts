import postgres, { type Sql, type TransactionSql } from 'postgres';

/**
 * Three connection pools over one database URL:
 *  - admin: the URL's own user; migrations, seeding and health only.
 *  - app:   switched to role kpi_app at connect time. Every request-time query
 *           and mutator runs here, under row-level security.
 *  - auth:  switched to role kpi_auth; better-auth's tables only.
 * The role switch is a startup parameter, so a pooled connection can never
 * come back as the admin user.
 */
export interface Pools {
  admin: Sql;
  app: Sql;
  auth: Sql;
  close(): Promise<void>;
}

export function createPools(url: string): Pools {
  const quiet = { onnotice: () => {} };
  const admin = postgres(url, { ...quiet, max: 3 });
  const app = postgres(url, { ...quiet, max: 10, connection: { role: 'kpi_app', application_name: 'kpi-app' } });
  const auth = postgres(url, { ...quiet, max: 5, connection: { role: 'kpi_auth', application_name: 'kpi-auth' } });
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
