import { z } from 'zod';
import { AppError, type FieldIssue } from './errors.ts';

/** The longest id a client may choose (KPIs, points, goals, ...); ids are random UUIDs in practice. */
export const ID_MAX_LENGTH = 64;
/** Any row id in arguments: synced queries, mutators, the shared field rules. */
export const idSchema = z.string().min(1).max(ID_MAX_LENGTH);

/** Turns zod issues into the API's field-level detail shape. */
export function fieldIssues(error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  return error.issues.map((issue) => ({
    loc: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    msg: issue.message,
    type: issue.code,
  }));
}

export const NUL_MESSAGE = 'Text cannot contain the NUL character (U+0000)';

/**
 * Every string anywhere in `value` that holds U+0000, as a field issue.
 * Postgres text cannot store it, so such a write would fail deep in the
 * database as a 500; the REST routes and the mutator registry run this on
 * every input they accept (after its schema), so no field can forget it.
 */
export function nulIssues(value: unknown, prefix: (string | number)[] = []): FieldIssue[] {
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ loc: prefix, msg: NUL_MESSAGE, type: 'nul_character' }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulIssues(item, [...prefix, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nulIssues(item, [...prefix, key]));
  }
  return [];
}

/** One message for a list of issues: the first one's, and how many more there are. */
export function summarize(issues: readonly FieldIssue[]): string {
  const first = issues[0]?.msg ?? 'Invalid input';
  return issues.length > 1 ? `${first} (and ${issues.length - 1} more)` : first;
}

/** Parses (refusing NUL anywhere too) or throws a VALIDATION_FAILED AppError naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix: (string | number)[] = []): z.infer<S> {
  const result = schema.safeParse(value);
  const details = result.success ? nulIssues(result.data, prefix) : fieldIssues(result.error, prefix);
  if (details.length > 0 || !result.success) throw new AppError('VALIDATION_FAILED', summarize(details), details);
  return result.data;
}

/** First message per top-level field, for inline form errors. */
export function messagesByField(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.message;
  }
  return out;
}
