import type { Sql, TransactionSql } from 'postgres';
import type { Role } from '../../shared/roles.ts';
import type { ZeroContext } from '../../sync/context.ts';
import { setTenant } from '../db/pools.ts';
import { createDbProvider, type DbProvider, type DbTransaction } from '../zero/db-provider.ts';

/** Who a report is made for: its data is what this person may read in this organization. */
export interface ReportTenant {
  orgID: string;
  userID: string;
  /** An API key's role: a ceiling on its creator's role. */
  roleLimit?: Role | undefined;
}

/** What a report reads with: ZQL through the tenant helpers (`tx.run(scoped(...))`) and SQL, both under row-level security. */
export interface ReportRead {
  tx: DbTransaction;
  sql: TransactionSql;
  ctx: ZeroContext;
  tenant: ReportTenant;
}

/** Where a report reads: the app pool (role kpi_app), or the REST API's transactions on it. */
export type ReportDb = Sql | DbProvider;

const providers = new WeakMap<Sql, DbProvider>();
const providerOf = (db: ReportDb): DbProvider => {
  if ('transaction' in db) return db;
  let provider = providers.get(db);
  if (!provider) {
    provider = createDbProvider(db);
    providers.set(db, provider);
  }
  return provider;
};

/**
 * Runs `fn` in one read transaction on the app pool (`db`, role kpi_app)
 * with the tenant context set, as every REST read does: row-level security
 * applies to the SQL, and the ZQL reads go through `scoped`, which also
 * checks the person's role may read each table.
 */
export function readAsTenant<T>(db: ReportDb, tenant: ReportTenant, fn: (r: ReportRead) => Promise<T>): Promise<T> {
  return providerOf(db).transaction(async (tx) => {
    const raw = tx.dbTransaction.wrappedTransaction as unknown as TransactionSql;
    await setTenant(raw, { userID: tenant.userID, orgID: tenant.orgID, source: 'report' });
    const ctx: ZeroContext = { userID: tenant.userID, orgID: tenant.orgID, roleLimit: tenant.roleLimit };
    return fn({ tx, sql: raw, ctx, tenant });
  });
}

/** The organization's name, as the person sees it (empty when they are not a member). */
export async function organizationName(r: ReportRead): Promise<string> {
  const [row] = await r.sql<{ name: string }[]>`SELECT name FROM organization WHERE id = ${r.tenant.orgID}`;
  return row?.name ?? '';
}
