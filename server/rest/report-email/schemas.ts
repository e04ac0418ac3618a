import { z } from '@hono/zod-openapi';
import { MAX_RECIPIENTS, REPORT_FORMATS, REPORT_NAMES } from '../../../shared/report-email/reports.ts';

/** Scheduled report e-mail as REST shows it (issue 11's contract: create answers `id` and `nextRun`). */
export const ScheduleCreateSchema = z
  .object({
    report: z
      .enum(REPORT_NAMES, { error: `report must be one of: ${REPORT_NAMES.join(', ')}` })
      .openapi({ description: 'The report to send (as GET /api/reports/{report}.pdf|.xlsx renders it)' }),
    format: z.enum(REPORT_FORMATS, { error: 'format must be "pdf" or "xlsx"' }),
    params: z.record(z.string(), z.unknown(), { error: 'params must be an object' }).optional().openapi({
      description: 'The report’s parameters: none for kpis, {accountId} for account-health, {date, line?} for production-daily',
      example: {},
    }),
    recipients: z
      .array(z.email({ error: 'recipients must be e-mail addresses, e.g. ops@example.com' }), {
        error: 'recipients must be a list of e-mail addresses',
      })
      .min(1, 'recipients must name at least one address')
      .max(MAX_RECIPIENTS, `recipients may name at most ${MAX_RECIPIENTS} addresses`)
      .openapi({ example: ['ops@example.com'] }),
    cron: z
      .string({ error: 'cron must be a cron expression, e.g. "0 8 * * 1"' })
      .max(200, 'cron must be at most 200 characters')
      .openapi({
        description: 'Five fields (minute hour day-of-month month day-of-week) or a macro such as @daily',
        example: '0 8 * * 1',
      }),
    timezone: z
      .string({ error: 'timezone must be an IANA name such as Europe/Berlin' })
      .max(64, 'timezone must be at most 64 characters')
      .openapi({ description: 'The IANA time zone the cron expression is read in', example: 'Europe/Berlin' }),
  })
  .openapi('ReportScheduleCreate');

export const ScheduleSchema = z
  .object({
    id: z.string(),
    report: z.enum(REPORT_NAMES),
    format: z.enum(REPORT_FORMATS),
    params: z.record(z.string(), z.unknown()),
    recipients: z.array(z.string()),
    cron: z.string(),
    timezone: z.string(),
    nextRun: z.string().openapi({ format: 'date-time', description: 'The next scheduled send (UTC instant)' }),
    lastRun: z.string().nullable().openapi({ format: 'date-time' }),
    lastStatus: z
      .enum(['queued', 'sent', 'failed', 'not_configured'])
      .nullable()
      .openapi({ description: 'How the latest send went (the full log: admins, on the schedules page)' }),
    createdBy: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('ReportSchedule');

export const ScheduleListSchema = z.array(ScheduleSchema).openapi('ReportScheduleList');

export const RunSchema = z
  .object({
    sendId: z.string().openapi({ description: 'The send’s entry in the send log' }),
    status: z.literal('queued'),
  })
  .openapi('ReportSendQueued');
