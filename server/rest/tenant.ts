import { isApplicationError } from '@rocicorp/zero/server';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldIssue } from '../../shared/errors.ts';
import type { MutatorErrorDetails } from '../../sync/permissions.ts';
import { setTenant } from '../db/pools.ts';
import { flushTasks, PostCommitTasks } from '../mutators/post-commit.ts';
import { createServerMutators, type ServerMutators } from '../mutators/registry.ts';
import type { DbTransaction } from '../zero/db-provider.ts';
import type { Caller, RestDeps } from './context.ts';
import { type ResourceDeps, type RestFields, restIssue, validationFailed } from './issues.ts';

/** What a tenant transaction needs: the app pool, the job queue, and the field names its errors use. */
export type TenantDeps = ResourceDeps<Pick<RestDeps, 'dbProvider' | 'postCommit'>>;

/**
 * Runs `fn` in one Postgres transaction on the app pool with the caller's
 * tenant context set, exactly as the Zero mutate endpoint does: row-level
 * security applies, and audit rows name the caller and `source`. Inside,
 * write through `m`, the server's mutator registry (`m.kpi.create.fn({ tx,
 * args, ctx })`), the same one Zero's mutate endpoint runs, so a write queues
 * the same post-commit work whichever way it came; read with the tenant
 * helpers (`tx.run(scoped('kpi', ...))`, `findOwned`). The queued tasks go to the job queue once
 * the transaction has committed. A mutator's refusal comes out as an AppError
 * with the REST field names of the resource (`deps.fields`), and everything
 * rolls back.
 */
export async function inTenant<T>(
  deps: TenantDeps,
  caller: Caller,
  source: string,
  fn: (tx: DbTransaction, m: ServerMutators) => Promise<T>,
): Promise<T> {
  const tasks = new PostCommitTasks();
  let result: T;
  try {
    result = await deps.dbProvider.transaction(async (tx) => {
      await setTenant(tx.dbTransaction.wrappedTransaction, { userID: caller.userID, orgID: caller.orgID, source });
      return fn(tx, createServerMutators(tasks));
    });
  } catch (err) {
    throw restError(err, deps.fields);
  }
  flushTasks(deps.postCommit, tasks);
  return result;
}

/** A read: the same transaction and tenant context, no audit source needed. */
export function readInTenant<T>(deps: TenantDeps, caller: Caller, fn: (tx: DbTransaction) => Promise<T>) {
  return inTenant(deps, caller, 'rest:read', fn);
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in ERROR_STATUS;
}

/** Mutator refusals (ApplicationError with {code, issues}) become AppErrors; anything else passes through. */
export function restError(err: unknown, fields?: RestFields): unknown {
  if (!isApplicationError(err)) return err;
  const details = err.details as Partial<MutatorErrorDetails> | undefined;
  const code = isErrorCode(details?.code) ? details.code : 'BAD_REQUEST';
  const issues = ((details?.issues ?? []) as FieldIssue[]).map((i) => restIssue(i, fields));
  if (code === 'VALIDATION_FAILED' && issues.length > 0) return validationFailed(issues);
  return new AppError(code, err.message, issues);
}
