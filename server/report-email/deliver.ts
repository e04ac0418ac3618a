import type { Sql } from 'postgres';
import { REPORT_LABELS, type ReportFormat, type ReportName, type SendStatus } from '../../shared/report-email/reports.ts';
import { withTenant } from '../db/pools.ts';
import { isTemporaryMailFailure, type Mailer } from '../mail/mailer.ts';
import type { RenderReport } from './attachment.ts';

export interface DeliverDeps {
  /** The table owner: reads the send and writes its delivery status (mail is platform plumbing, like the queue). */
  adminSql: Sql;
  /** The app pool: the report is rendered as the member who asked, under row-level security. */
  appSql: Sql;
  mailer: Mailer;
  render: RenderReport;
  /** Where the schedules page is, for the message's footer. */
  appUrl: string;
  log: (line: string) => void;
}

interface SendRow {
  id: string;
  orgID: string;
  orgName: string;
  scheduleID: string | null;
  cron: string | null;
  timezone: string | null;
  requestedBy: string | null;
  report: ReportName;
  format: ReportFormat;
  /** Checked against the report's parameters when the schedule was made: text values. */
  params: Record<string, string | undefined>;
  recipients: string[];
  status: SendStatus;
  createdAt: Date;
}

/** How long a send refused for now keeps being tried (the job's retries, backing off) before it is logged as failed. */
export const RETRY_WINDOW_MS = 60 * 60 * 1000;

/** Thrown to have the job queue run the send again later: the SMTP server refused it for now. */
export class SendDeferred extends Error {}

type Outcome =
  | { status: 'sent'; messageId: string; response: string }
  | { status: 'not_configured' }
  | { status: 'failed'; error: string }
  | { status: 'retry'; error: string };

/**
 * Sends one queued report e-mail and logs what became of it: `sent` with the
 * SMTP server's message id and answer, `failed` with the reason, or
 * `not_configured` when the server has no SMTP_URL. A send that is no longer
 * queued (delivered by an earlier attempt) is left alone, so a retried or
 * re-queued job never mails twice.
 */
export async function deliverSend(deps: DeliverDeps, sendID: string): Promise<SendStatus | null> {
  const [send] = await deps.adminSql<SendRow[]>`
    SELECT s.id, s.organization_id AS "orgID", o.name AS "orgName", s.schedule_id AS "scheduleID", r.cron, r.timezone,
           s.requested_by AS "requestedBy", s.report, s.format, s.params, s.recipients, s.status, s.created_at AS "createdAt"
      FROM report_send s JOIN organization o ON o.id = s.organization_id
      LEFT JOIN report_schedule r ON r.id = s.schedule_id
     WHERE s.id = ${sendID}`;
  if (send?.status !== 'queued') return null;
  const outcome = await attempt(deps, send);
  if (outcome.status === 'retry') {
    // Still queued: the send log says why it waits, and the job queue runs it again after a pause.
    await deps.adminSql`
      UPDATE report_send SET error = ${`Refused for now, trying again: ${outcome.error}`.slice(0, 2000)}
       WHERE id = ${send.id} AND status = 'queued'`;
    deps.log(`[report-email] send ${send.id}: refused for now, trying again (${outcome.error})`);
    throw new SendDeferred(outcome.error);
  }
  const sent = outcome.status === 'sent';
  await deps.adminSql.begin(async (tx) => {
    await tx`
      UPDATE report_send SET status = ${outcome.status},
             error = ${outcome.status === 'failed' ? outcome.error.slice(0, 2000) : null},
             message_id = ${sent ? outcome.messageId.slice(0, 500) : null},
             smtp_response = ${sent ? outcome.response.slice(0, 1000) : null},
             sent_at = ${sent ? tx`now()` : null}
       WHERE id = ${send.id} AND status = 'queued'`;
    if (send.scheduleID) await tx`UPDATE report_schedule SET last_status = ${outcome.status} WHERE id = ${send.scheduleID}`;
  });
  deps.log(
    `[report-email] send ${send.id} (${send.report}.${send.format} to ${send.recipients.length} recipient(s)): ${outcome.status}` +
      (outcome.status === 'failed' ? ` (${outcome.error})` : ''),
  );
  return outcome.status;
}

async function attempt(deps: DeliverDeps, send: SendRow): Promise<Outcome> {
  if (!deps.mailer.configured) return { status: 'not_configured' };
  try {
    const userID = send.requestedBy;
    const allowed =
      userID !== null &&
      (await withTenant(deps.appSql, { userID, orgID: send.orgID, source: 'report-email' }, async (tx) => {
        const [row] = await tx<{ ok: boolean }[]>`SELECT app_can(${send.orgID}, 'reportSchedule', 'run') AS ok`;
        return row?.ok === true;
      }));
    if (!allowed || !userID) {
      return { status: 'failed', error: 'The member this report is sent for may no longer send reports in this organization.' };
    }
    const doc = await deps.render(deps.appSql, { orgID: send.orgID, userID }, send);
    const label = REPORT_LABELS[send.report];
    const when = send.cron ? `It is sent on the schedule “${send.cron}” (${send.timezone}).` : 'It was sent on request.';
    const outcome = await deps.mailer.send({
      to: send.recipients,
      subject: `${label} report: ${send.orgName}`,
      text: [
        `Attached is the ${label} report of ${send.orgName} (${doc.fileName}).`,
        when,
        `Schedules are managed in Live KPI under Settings, Report e-mail: ${deps.appUrl}/settings/reports`,
      ].join('\n\n'),
      attachments: [{ filename: doc.fileName, contentType: doc.contentType, content: doc.body }],
    });
    return outcome;
  } catch (err) {
    const error = (err as Error).message || String(err);
    const young = Date.now() - send.createdAt.getTime() < RETRY_WINDOW_MS;
    return isTemporaryMailFailure(err) && young ? { status: 'retry', error } : { status: 'failed', error };
  }
}
