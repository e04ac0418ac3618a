import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors.ts';

/** Turns zod issues into the API's field-level detail shape. */
export function fieldIssues(error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  return error.issues.map((issue) => ({
    loc: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    msg: issue.message,
    type: issue.code,
  }));
}

/** Parses or throws a VALIDATION_FAILED AppError naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix: (string | number)[] = []): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = fieldIssues(result.error, prefix);
    const first = details[0]?.msg ?? 'Invalid input';
    throw new AppError('VALIDATION_FAILED', details.length > 1 ? `${first} (and ${details.length - 1} more)` : first, details);
  }
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
