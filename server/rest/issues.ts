import type { OpenAPIHonoOptions } from '@hono/zod-openapi';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import { fieldIssues, nulIssues, summarize } from '../../shared/validation.ts';
import type { RestEnv } from './context.ts';

/**
 * The REST API speaks the seeds' field names; the shared schemas and mutators
 * use the column names. Issues coming back from them are renamed here, so
 * `loc` always names what the client sent (["body", "targetValue"]).
 */
const REST_FIELD: Record<string, string> = {
  name: 'title',
  target: 'targetValue',
  ownerID: 'ownerId',
  accountID: 'accountId',
  kpiID: 'kpiId',
};
/** Messages that name a renamed field start with its label; say the REST name instead. */
const REST_LABEL: Record<string, [RegExp, string]> = {
  name: [/^Name\b/, 'Title'],
  target: [/^Target\b/, 'Target value'],
};

const PLACE: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' };

/** An issue from a shared schema or mutator (column names), as the REST client sent it: in the body, by REST name. */
export function restIssue(issue: FieldIssue): FieldIssue {
  const field = [...issue.loc].reverse().find((p): p is string => typeof p === 'string');
  const label = field ? REST_LABEL[field] : undefined;
  return {
    loc: ['body', ...issue.loc.map((p) => (typeof p === 'string' ? (REST_FIELD[p] ?? p) : p))],
    msg: label ? issue.msg.replace(label[0], label[1]) : issue.msg,
    type: issue.type,
  };
}

export function validationFailed(details: FieldIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', summarize(details), details);
}

/**
 * Every route's request check (body shape, query, path), then the input rule
 * every value shares (no NUL in any string): a failure becomes the same 400
 * error, with field details, as the shared schemas give.
 */
export const restValidationHook: NonNullable<OpenAPIHonoOptions<RestEnv>['defaultHook']> = (result) => {
  // These schemas already use the REST names; only the place is added.
  const place = [PLACE[result.target] ?? result.target];
  const issues = result.success ? nulIssues(result.data, place) : fieldIssues(result.error, place);
  if (issues.length > 0) throw validationFailed(issues);
};
