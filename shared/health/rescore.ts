import { z } from 'zod';
import { MONTH_PATTERN, monthOf, monthsBetween } from './breakdown.ts';

/** The most months one re-score may cover (ten years). */
export const RESCORE_MONTHS_MAX = 120;

const month = (label: string) =>
  z.string({ error: `${label} is required` }).regex(MONTH_PATTERN, `${label} must be a month as YYYY-MM (for example 2026-01)`);

/**
 * A re-score of past months: from and to ('YYYY-MM', inclusive, none after
 * the current month) and the configuration version to score under (omitted:
 * the current one). Every refusal names its field.
 */
export const rescoreInput = (now: number) =>
  z
    .object({
      from: month('from'),
      to: month('to'),
      configVersion: z
        .number({ error: 'configVersion must be a whole number' })
        .int('configVersion must be a whole number')
        .min(0, 'configVersion cannot be negative')
        .nullable()
        .optional(),
    })
    .superRefine((r, ctx) => {
      if (!MONTH_PATTERN.test(r.from) || !MONTH_PATTERN.test(r.to)) return;
      if (r.from > r.to)
        ctx.addIssue({ code: 'custom', path: ['to'], message: `to (${r.to}) must not be before from (${r.from})` });
      else if (monthsBetween(r.from, r.to).length > RESCORE_MONTHS_MAX)
        ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${RESCORE_MONTHS_MAX} months at once` });
      const current = monthOf(now);
      if (r.to > current)
        ctx.addIssue({ code: 'custom', path: ['to'], message: `to (${r.to}) cannot be after this month (${current})` });
    });
export type RescoreRequest = z.infer<ReturnType<typeof rescoreInput>>;
