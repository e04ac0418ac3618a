import { randomUUID } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import type { FieldIssue } from '../../shared/errors.ts';
import { notFound } from '../../shared/errors.ts';
import { canonicalTimeZone } from '../../shared/locale.ts';
import type { ReportFormat, ReportName, SendStatus } from '../../shared/report-email/reports.ts';
import { REPORT_PARAMS } from '../../shared/report-email/reports.ts';
import { fieldIssues } from '../../shared/validation.ts';
import { cronProblem, nextRun } from './cron.ts';

/** A schedule as the organization's managers see it. */
export interface ScheduleRow {
  id: string;
  report: ReportName;
  format: ReportFormat;
  params: Record<string, unknown>;
  recipients: string[];
  cron: string;
  timezone: string;
  nextRunAt: Date;
  lastRunAt: Date | null;
  lastStatus: SendStatus | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface NewSchedule {
  report: ReportName;
  format: ReportFormat;
  params?: Record<string, unknown> | undefined;
  recipients: string[];
  cron: string;
  timezone: string;
}

/**
 * What the body's shape cannot say: the report's own parameters, the cron
 * expression and the time zone, each as an issue naming its field. Returns
 * the schedule as it is stored (canonical zone, parsed parameters).
 */
export function checkSchedule(input: NewSchedule): {
  value: NewSchedule & { params: Record<string, unknown> };
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  const params = REPORT_PARAMS[input.report].safeParse(input.params ?? {});
  if (!params.success) issues.push(...fieldIssues(params.error, ['body', 'params']));
  const cron = cronProblem(input.cron);
  if (cron) issues.push({ loc: ['body', 'cron'], msg: cron, type: 'invalid_cron' });
  const timezone = canonicalTimeZone(input.timezone);
  if (!timezone) {
    issues.push({
      loc: ['body', 'timezone'],
      msg: `timezone must be an IANA name such as Europe/Berlin; “${input.timezone}” is not one`,
      type: 'invalid_time_zone',
    });
  }
  return {
    value: { ...input, cron: input.cron.trim(), timezone: timezone ?? input.timezone, params: params.data ?? {} },
    issues,
  };
}

const COLUMNS = (sql: TransactionSql) => sql`
  id, report, format, params, recipients, cron, timezone, next_run_at AS "nextRunAt", last_run_at AS "lastRunAt",
  last_status AS "lastStatus", created_by AS "createdBy", created_at AS "createdAt"`;

/** Stores a checked schedule, due first at its next run after now. */
export async function insertSchedule(
  sql: TransactionSql,
  who: { orgID: string; userID: string },
  s: NewSchedule & { params: Record<string, unknown> },
): Promise<ScheduleRow> {
  const id = randomUUID();
  const next = nextRun(s.cron, s.timezone, new Date());
  const [row] = await sql<ScheduleRow[]>`
    INSERT INTO report_schedule (id, organization_id, created_by, report, format, params, recipients, cron, timezone, next_run_at)
    VALUES (${id}, ${who.orgID}, ${who.userID}, ${s.report}, ${s.format}, ${sql.json(s.params as never)}, ${s.recipients},
            ${s.cron}, ${s.timezone}, ${next})
    RETURNING ${COLUMNS(sql)}`;
  if (!row) throw new Error('insert returned no row');
  return row;
}

export function listSchedules(sql: TransactionSql, orgID: string): Promise<ScheduleRow[]> {
  return sql<ScheduleRow[]>`
    SELECT ${COLUMNS(sql)} FROM report_schedule WHERE organization_id = ${orgID} ORDER BY created_at DESC, id`;
}

/** One schedule of the organization, or 404 (another organization's is "not found" too). */
export async function scheduleOf(sql: TransactionSql, orgID: string, id: string): Promise<ScheduleRow> {
  const [row] = await sql<
    ScheduleRow[]
  >`SELECT ${COLUMNS(sql)} FROM report_schedule WHERE organization_id = ${orgID} AND id = ${id}`;
  if (!row) throw notFound('Schedule');
  return row;
}

export async function deleteSchedule(sql: TransactionSql, orgID: string, id: string): Promise<void> {
  const gone = await sql`DELETE FROM report_schedule WHERE organization_id = ${orgID} AND id = ${id} RETURNING id`;
  if (gone.length === 0) throw notFound('Schedule');
}

/** "Send now": a send of the schedule's report, asked for (and rendered as) the caller; the send job mails it. */
export async function queueManualSend(
  sql: TransactionSql,
  who: { orgID: string; userID: string },
  schedule: ScheduleRow,
): Promise<string> {
  const id = randomUUID();
  // No RETURNING: the send log is admins' to read, and a manager may send.
  await sql`
    INSERT INTO report_send (id, organization_id, schedule_id, requested_by, report, format, params, recipients)
    VALUES (${id}, ${who.orgID}, ${schedule.id}, ${who.userID}, ${schedule.report}, ${schedule.format},
            ${sql.json(schedule.params as never)}, ${schedule.recipients})`;
  return id;
}
