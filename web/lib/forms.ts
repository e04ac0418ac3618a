import type { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.ts';
import { messagesByField } from '../../shared/validation.ts';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** Field messages from a zod result, limited to the given fields. */
export function zodFieldErrors<K extends string>(error: z.ZodError, fields: readonly K[]): FieldErrors<K> {
  const all = messagesByField(error);
  const out: FieldErrors<K> = {};
  for (const f of fields) if (all[f]) out[f] = all[f];
  return out;
}

/**
 * Maps server issues ({loc: ['body', 'target'], msg}) back to form fields:
 * the last path element that names one of the fields wins. Issues that name
 * no field are returned separately for a form-level message.
 */
export function issueFieldErrors<K extends string>(
  issues: readonly FieldIssue[],
  fields: readonly K[],
): { fields: FieldErrors<K>; other: string[] } {
  const out: FieldErrors<K> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const key = [...issue.loc].reverse().find((p): p is K => typeof p === 'string' && (fields as readonly string[]).includes(p));
    if (key) out[key] ??= issue.msg;
    else other.push(issue.msg);
  }
  return { fields: out, other };
}

/** Moves focus to the first field (in form order) that has an error. */
export function focusFirstError<K extends string>(
  order: readonly K[],
  errors: FieldErrors<K>,
  inputs: Partial<Record<K, HTMLElement | undefined>>,
): void {
  const first = order.find((k) => errors[k]);
  if (first) inputs[first]?.focus();
}
