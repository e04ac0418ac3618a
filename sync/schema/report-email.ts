import { enumeration, json, number, string, table } from '@rocicorp/zero';
import type { ReportFormat, ReportName, SendStatus } from '../../shared/report-email/reports.ts';
import { type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

/**
 * Scheduled report e-mail (db/migrations/025_report_email.sql). Written
 * through REST (/api/reports/email/schedule) and by the send jobs; synced so
 * the schedules page shows next runs and send outcomes as they happen.
 */
const reportSchedule = table('reportSchedule')
  .from('report_schedule')
  .columns({
    ...tenantKey,
    createdBy: string().from('created_by').optional(),
    report: enumeration<ReportName>(),
    format: enumeration<ReportFormat>(),
    params: json<Record<string, string>>(),
    recipients: json<string[]>(),
    cron: string(),
    timezone: string(),
    nextRunAt: number().from('next_run_at'),
    lastRunAt: number().from('last_run_at').optional(),
    lastStatus: enumeration<SendStatus>().from('last_status').optional(),
    createdAt: number().from('created_at'),
  })
  .primaryKey('id');

/** The send log: every send, scheduled or on request, with its delivery status (admins read it). */
const reportSend = table('reportSend')
  .from('report_send')
  .columns({
    ...tenantKey,
    scheduleID: string().from('schedule_id').optional(),
    dueAt: number().from('due_at').optional(),
    requestedBy: string().from('requested_by').optional(),
    report: enumeration<ReportName>(),
    format: enumeration<ReportFormat>(),
    params: json<Record<string, string>>(),
    recipients: json<string[]>(),
    status: enumeration<SendStatus>(),
    error: string().optional(),
    messageID: string().from('message_id').optional(),
    smtpResponse: string().from('smtp_response').optional(),
    sentAt: number().from('sent_at').optional(),
    createdAt: number().from('created_at'),
  })
  .primaryKey('id');

const reportScheduleRelationships = tenantRelationships(reportSchedule, ({ one }) => ({
  author: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
}));
const reportSendRelationships = tenantRelationships(reportSend, ({ one }) => ({
  requester: one({ sourceField: ['requestedBy'], destSchema: user, destField: ['id'] }),
}));

export const reportEmailTables = [reportSchedule, reportSend] as const;
export const reportEmailRelationships = [reportScheduleRelationships, reportSendRelationships] as const;
export const reportEmailScopes = {
  reportSchedule: { resource: 'reportSchedule', noun: 'Schedule' },
  reportSend: { resource: 'reportSend', noun: 'Send' },
} as const satisfies Record<string, TenantScope>;
