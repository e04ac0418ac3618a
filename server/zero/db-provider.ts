import { zeroPostgresJS } from '@rocicorp/zero/server/adapters/postgresjs';
import type { Sql } from 'postgres';
import { schema } from '../../sync/schema.ts';

/**
 * Runs the shared mutators and tenant-scoped ZQL reads in Postgres
 * transactions on the app pool (role kpi_app, under row-level security).
 * The Zero mutate endpoint and the REST API use the same one.
 */
export function createDbProvider(appSql: Sql) {
  return zeroPostgresJS(schema, appSql);
}

export type DbProvider = ReturnType<typeof createDbProvider>;
/** A server transaction as the mutators see it (tx.run, tx.mutate, tx.dbTransaction). */
export type DbTransaction = Parameters<Parameters<DbProvider['transaction']>[0]>[0];
