import { ApplicationError } from '@rocicorp/zero';
import type { ErrorCode, FieldIssue } from '../shared/errors.ts';

/** The details every mutator error carries, so the web app can say why. */
export type MutatorErrorDetails = { code: ErrorCode; issues: FieldIssue[] };

export function mutatorError(code: ErrorCode, message: string, issues: FieldIssue[] = []): ApplicationError<MutatorErrorDetails> {
  return new ApplicationError(message, { details: { code, issues } });
}
