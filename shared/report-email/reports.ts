import { z } from 'zod';
import { idSchema } from '../validation.ts';

/**
 * The reports that can be e-mailed, with the parameters each takes (the same
 * names as GET /api/reports/{report}.pdf|.xlsx). A schedule is checked
 * against this when it is made, so a bad one is refused at once rather than
 * failing at 8 am on Monday.
 */
const day = (name: string) => z.iso.date({ error: `${name} must be a day, YYYY-MM-DD` });

export const REPORT_PARAMS = {
  // Without a period, each send covers the report's default period up to the day it is sent.
  kpis: z.object({ from: day('from').optional(), to: day('to').optional() }).strict(),
  'account-health': z.object({ accountId: idSchema }).strict(),
  'production-daily': z
    .object({
      date: day('date'),
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
