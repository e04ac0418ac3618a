import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { nextRun } from './cron.ts';

/** One scheduled run claimed: its send row waits (status queued) for the send job. */
export interface ClaimedRun {
  sendID: string;
  orgID: string;
  /** The send job's singleton key: the schedule and its due time. */
  runKey: string;
}

interface DueRow {
  id: string;
  orgID: string;
  createdBy: string | null;
  report: string;
  format: string;
  params: Record<string, unknown>;
  recipients: string[];
  cron: string;
  timezone: string;
  nextRunAt: Date;
}

/** How long a send may wait as `queued` before the next claim queues its job again (its job was lost with a crash). */
const STALE_QUEUED = '5 minutes';

export const runKeyOf = (scheduleID: string, dueAt: Date) => `${scheduleID}:${dueAt.toISOString()}`;

/**
 * Claims every schedule that is due and records one send per claimed run.
 * The one step that reads across organizations, so it runs as the table
 * owner (`adminSql`); the reports themselves are rendered as each schedule's
 * creator, under row-level security (deliver.ts).
 *
 * Exactly once, whichever instances call this at the same moment: the due
 * rows are locked FOR UPDATE SKIP LOCKED (a second claimer skips them, and
 * after the first commits they are no longer due, their next_run_at moved
 * forward in the same transaction), and the send row is unique per schedule
 * and due time, so even a claimer racing past both inserts nothing twice.
 * Runs missed while no server was up collapse into one send (the latest due),
 * and the next run is counted from now.
 */
export async function claimDueSchedules(adminSql: Sql, opts: { now?: Date; limit?: number } = {}): Promise<ClaimedRun[]> {
  const now = opts.now ?? new Date();
  return adminSql.begin(async (tx) => {
    const due = await tx<DueRow[]>`
      SELECT id, organization_id AS "orgID", created_by AS "createdBy", report, format, params, recipients, cron, timezone,
             next_run_at AS "nextRunAt"
        FROM report_schedule WHERE next_run_at <= ${now}
       ORDER BY next_run_at LIMIT ${opts.limit ?? 100} FOR UPDATE SKIP LOCKED`;
    const claimed: ClaimedRun[] = [];
    for (const row of due) {
      let next: Date;
      try {
        next = nextRun(row.cron, row.timezone, now);
      } catch {
        // The expression was checked when the schedule was made; should a parser upgrade refuse it, try again tomorrow.
        next = new Date(now.getTime() + 24 * 3600_000);
      }
      await tx`UPDATE report_schedule SET next_run_at = ${next}, last_run_at = ${now}, last_status = 'queued' WHERE id = ${row.id}`;
      const sendID = randomUUID();
      const inserted = await tx`
        INSERT INTO report_send (id, organization_id, schedule_id, due_at, requested_by, report, format, params, recipients)
        VALUES (${sendID}, ${row.orgID}, ${row.id}, ${row.nextRunAt}, ${row.createdBy}, ${row.report}, ${row.format},
                ${tx.json(row.params as never)}, ${row.recipients})
        ON CONFLICT (schedule_id, due_at) WHERE due_at IS NOT NULL DO NOTHING RETURNING id`;
      if (inserted.length > 0) claimed.push({ sendID, orgID: row.orgID, runKey: runKeyOf(row.id, row.nextRunAt) });
    }
    return claimed;
  }) as Promise<ClaimedRun[]>;
}

/** Sends still queued long after they were recorded: their job was lost (a crash between claim and queue); queue them again. */
export async function staleQueuedSends(adminSql: Sql): Promise<ClaimedRun[]> {
  const rows = await adminSql<{ id: string; orgID: string; scheduleID: string | null; dueAt: Date | null }[]>`
    SELECT id, organization_id AS "orgID", schedule_id AS "scheduleID", due_at AS "dueAt" FROM report_send
     WHERE status = 'queued' AND created_at < now() - ${STALE_QUEUED}::interval LIMIT 100`;
  return rows.map((r) => ({
    sendID: r.id,
    orgID: r.orgID,
    runKey: r.scheduleID && r.dueAt ? runKeyOf(r.scheduleID, r.dueAt) : r.id,
  }));
}
