import { z } from 'zod';
import { canonicalTimeZone } from '../locale.ts';
import { idSchema } from '../validation.ts';

/**
 * The reports that can be e-mailed, with the parameters each takes (the same
 * names as GET /api/reports/{report}.pdf|.xlsx). A schedule is checked
 * against this when it is made, so a bad one is refused at once rather than
 * failing at 8 am on Monday.
 */
export const REPORT_PARAMS = {
  kpis: z.object({}).strict(),
  'account-health': z.object({ accountId: idSchema }).strict(),
  'production-daily': z
    .object({
      date: z.iso.date({ error: 'date must be a day, YYYY-MM-DD' }),
      line: z.string().min(1).max(100).optional(),
    })
    .strict(),
} as const;

export type ReportName = keyof typeof REPORT_PARAMS;
export const REPORT_NAMES = Object.keys(REPORT_PARAMS) as [ReportName, ...ReportName[]];
export const REPORT_LABELS: Record<ReportName, string> = {
  kpis: 'KPIs (the dashboard)',
  'account-health': 'Account health',
  'production-daily': 'Daily production',
};

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type SendStatus = 'queued' | 'sent' | 'failed' | 'not_configured';

/** At most this many recipients per schedule (a report list, not a newsletter). */
export const MAX_RECIPIENTS = 50;

export const recipientsSchema = z
  .array(z.email({ error: (i) => `recipients must be e-mail addresses; “${String(i.input)}” is not one` }), {
    error: 'recipients must be a list of e-mail addresses',
  })
  .min(1, 'recipients must name at least one address')
  .max(MAX_RECIPIENTS, `recipients may name at most ${MAX_RECIPIENTS} addresses`);

export const timeZoneSchema = z.string({ error: 'timezone must be text' }).transform((name, ctx) => {
  const canonical = canonicalTimeZone(name);
  if (canonical) return canonical;
  ctx.addIssue({ code: 'custom', message: `timezone must be an IANA name such as Europe/Berlin; “${name}” is not one` });
  return z.NEVER;
});

/** A report request: its name and its parameters, checked by the report's own schema (issues under `params`). */
export const reportRequestSchema = z
  .object({
    report: z.enum(REPORT_NAMES, { error: `report must be one of: ${REPORT_NAMES.join(', ')}` }),
    format: z.enum(REPORT_FORMATS, { error: 'format must be "pdf" or "xlsx"' }),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .transform((value, ctx) => {
    const parsed = REPORT_PARAMS[value.report].safeParse(value.params ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['params', ...issue.path.map(String)] });
      return z.NEVER;
    }
    return { ...value, params: parsed.data as Record<string, unknown> };
  });
