import { isApplicationError } from '@rocicorp/zero/server';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldIssue } from '../../shared/errors.ts';
import type { MutatorErrorDetails } from '../../sync/permissions.ts';
import { setTenant } from '../db/pools.ts';
import type { DbTransaction } from '../zero/db-provider.ts';
import type { Caller, RestDeps } from './context.ts';
import { type ResourceDeps, type RestFields, restIssue, validationFailed } from './issues.ts';

/**
 * Runs `fn` in one Postgres transaction on the app pool with the caller's
 * tenant context set, exactly as the Zero mutate endpoint does: row-level
 * security applies, and audit rows name the caller and `source`. Inside,
 * call the shared mutators (`mutators.kpi.create.fn({ tx, args, ctx })`) and
 * the tenant read helpers (`tx.run(kpisOf(...))`). A mutator's refusal comes
 * out as an AppError with the REST field names of the resource (`deps.fields`),
 * and everything rolls back.
 */
export async function inTenant<T>(
  deps: ResourceDeps<Pick<RestDeps, 'dbProvider'>>,
  caller: Caller,
  source: string,
  fn: (tx: DbTransaction) => Promise<T>,
): Promise<T> {
  try {
    return await deps.dbProvider.transaction(async (tx) => {
      await setTenant(tx.dbTransaction.wrappedTransaction, { userID: caller.userID, orgID: caller.orgID, source });
      return fn(tx);
    });
  } catch (err) {
    throw restError(err, deps.fields);
  }
}

/** A read: the same transaction and tenant context, no audit source needed. */
export function readInTenant<T>(
  deps: ResourceDeps<Pick<RestDeps, 'dbProvider'>>,
  caller: Caller,
  fn: (tx: DbTransaction) => Promise<T>,
) {
  return inTenant(deps, caller, 'rest:read', fn);
}

/** Reports the KPIs a committed write changed; a failing listener never fails the request. */
export function notifyKpiChanges(deps: Pick<RestDeps, 'kpiChanges'>, caller: Caller, kpiIDs: string[]): void {
  if (kpiIDs.length === 0) return;
  try {
    deps.kpiChanges({ orgID: caller.orgID, userID: caller.userID, kpiIDs });
  } catch {
    // The notifier's own job to log; the write has committed.
  }
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
