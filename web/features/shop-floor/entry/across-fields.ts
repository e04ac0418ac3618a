import type { z } from 'zod';

/**
 * The shared schemas check rules across fields (units defective within
 * units produced, absent within scheduled hours) only on an entry whose
 * fields all pass their own rules. While a form is half typed, this checks
 * them anyway: the fields that fail stand in as `standIns` (values that pass
 * and that trip no rule), and the issues found on the fields typed so far
 * are returned. Pure.
 */
export function acrossFields(
  schema: z.ZodType,
  standIns: Record<string, unknown>,
  values: Record<string, unknown>,
  issues: readonly { path: PropertyKey[] }[],
): z.core.$ZodIssue[] {
  const failing = new Set(issues.map((i) => String(i.path[0])));
  const standIn = Object.fromEntries(Object.entries(values).map(([f, v]) => [f, failing.has(f) ? (standIns[f] ?? null) : v]));
  const again = schema.safeParse(standIn);
  return again.success ? [] : again.error.issues.filter((i) => !failing.has(String(i.path[0])));
}
