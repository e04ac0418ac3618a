import type { PullRow } from '@rocicorp/zero';
import type { Context } from 'hono';
import type { ZeroContext } from '../../sync/context.ts';
import type { Schema, TenantTable } from '../../sync/schema.ts';
import { findOwned, type Shape } from '../../sync/tenant.ts';
import type { ServerMutators } from '../mutators/registry.ts';
import type { DbTransaction } from '../zero/db-provider.ts';
import { type Caller, mutatorContext, type RestEnv } from './context.ts';
import { restSource } from './resource-app.ts';
import { inTenant, readInTenant, type TenantDeps } from './tenant.ts';

/** One row of the caller's organization: its table, its id and what to read along with it. */
export interface OwnedRow<T extends TenantTable, R> {
  table: T;
  id: string;
  shape?: Shape<T, R> | undefined;
}

/** What a REST read or write works with. */
export interface TenantRead {
  tx: DbTransaction;
  caller: Caller;
  ctx: ZeroContext;
}

/**
 * Reads rows that hang under one row of the caller's organization (a KPI's
 * records): a 404 when that row is not the organization's, rather than an
 * empty list that would not tell a wrong id from no rows.
 */
export function readUnder<T extends TenantTable, R>(
  deps: TenantDeps,
  c: Context<RestEnv>,
  parent: { table: T; id: string },
  read: (r: TenantRead) => Promise<R>,
): Promise<R> {
  const caller = c.get('caller');
  return readInTenant(deps, caller, async (tx) => {
    await findOwned(tx, parent.table, caller.orgID, parent.id);
    return read({ tx, caller, ctx: mutatorContext(caller) });
  });
}

/** What a REST write on one row works with. */
export interface RowWrite extends TenantRead {
  /** The server's mutators: write through them, so a REST write is checked and queues work as a synced one does. */
  m: ServerMutators;
}

/**
 * The skeleton of every REST write on one row: `write` runs in one tenant
 * transaction audited as this route (restSource), then the row is read back
 * in it, so the response shows what the write left, including what the
 * mutators derived. A row outside the organization is a 404 (findOwned).
 */
export function writeOwned<T extends TenantTable, R = PullRow<T, Schema>>(
  deps: TenantDeps,
  c: Context<RestEnv>,
  row: OwnedRow<T, R>,
  write: (w: RowWrite) => Promise<unknown>,
): Promise<R> {
  const caller = c.get('caller');
  return inTenant(deps, caller, restSource(c), async (tx, m) => {
    await write({ tx, m, caller, ctx: mutatorContext(caller) });
    return findOwned(tx, row.table, caller.orgID, row.id, row.shape);
  });
}
