import type { OpenAPIHonoOptions } from '@hono/zod-openapi';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import { fieldIssues, nulIssues, summarize } from '../../shared/validation.ts';
import type { RestEnv } from './context.ts';

/**
 * How one REST resource names the shared schemas' and mutators' fields: the
 * column name to the REST name, and, where a message opens with the column's
 * label ("Name is required"), the label to say instead ("Title is required").
 */
export type RestFields = Readonly<Record<string, { readonly name: string; readonly label?: readonly [RegExp, string] }>>;

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A resource's field map, declared next to its schemas:
 * `restFields({ name: ['title', 'Title'], ownerID: 'ownerId' })`. A pair also
 * relabels messages that open with the column's name ("Name ..." -> "Title ...").
 * Fields not listed keep their names, so a map names only what it renames.
 */
export function restFields(spec: Record<string, string | readonly [name: string, label: string]>): RestFields {
  return Object.fromEntries(
    Object.entries(spec).map(([column, rest]) =>
      typeof rest === 'string'
        ? [column, { name: rest }]
        : [column, { name: rest[0], label: [new RegExp(`^${capitalized(column)}\\b`), rest[1]] as const }],
    ),
  );
}

const PLACE: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' };

/**
 * An issue from a shared schema or mutator (column names), as the REST client
 * sent it: in the body, by the REST names of the resource that made the call
 * (`fields`; none: the names are the same).
 */
export function restIssue(issue: FieldIssue, fields: RestFields = {}): FieldIssue {
  const renamed = (p: string) => (Object.hasOwn(fields, p) ? fields[p]?.name : undefined) ?? p;
  const field = [...issue.loc].reverse().find((p): p is string => typeof p === 'string');
  const label = field && Object.hasOwn(fields, field) ? fields[field]?.label : undefined;
  return {
    loc: ['body', ...issue.loc.map((p) => (typeof p === 'string' ? renamed(p) : p))],
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

/** What a resource's routes pass to inTenant: the shared dependencies, plus the field map its errors use. */
export type ResourceDeps<D> = D & { readonly fields?: RestFields | undefined };

/** A resource's dependencies: mutator refusals in its routes come back under its REST names. */
export function withRestFields<D extends object>(deps: D, fields: RestFields): ResourceDeps<D> {
  return { ...deps, fields };
}
