import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, inject, test } from 'vitest';
import { createJobQueue } from '../../../server/jobs/queue.ts';
import { createMailer } from '../../../server/mail/mailer.ts';
import { deliverSend, SendDeferred } from '../../../server/report-email/deliver.ts';
import { registerReportEmailJobs, runScheduleTick } from '../../../server/report-email/jobs.ts';
import { renderReport } from '../../../server/reports/render.ts';
import { useAdminSql, useAppSql } from '../../helpers/db.ts';
import { JOB_DEADLINE_MS } from '../../helpers/deadlines.ts';
import { GREYLIST_DOMAIN, mailsTo, waitForMails } from '../../helpers/mailbox.ts';
import { orgWithPeople, useOrg } from '../../helpers/people.ts';
import { createKpi, expectError, expectStatus, rest } from '../../helpers/rest.ts';

const admin = useAdminSql({ max: 4 });
const appSql = useAppSql();
const acme = useOrg('Acme Reports', { olivia: 'owner', max: 'manager', vera: 'viewer' });
const globex = useOrg('Globex Reports', { gina: 'owner' });

const BASE = '/api/reports/email/schedule';
const address = (who: string) => `${who}-${randomUUID().slice(0, 8)}@mail.test.example`;
const asManager = () => ({ person: acme.max, org: acme.id });

async function schedule(body: Record<string, unknown> = {}) {
  const res = await rest(asManager(), 'POST', BASE, {
    report: 'kpis',
    format: 'xlsx',
    recipients: [address('ops')],
    cron: '0 8 * * 1',
    timezone: 'Europe/Berlin',
    ...body,
  });
  return expectStatus(res, 201) as { id: string; nextRun: string; recipients: string[]; lastStatus: string | null };
}

const sendsOf = (scheduleID: string) =>
  admin<{ status: string; messageId: string | null; smtpResponse: string | null; dueAt: Date | null; error: string | null }[]>`
    SELECT status, message_id AS "messageId", smtp_response AS "smtpResponse", due_at AS "dueAt", error
      FROM report_send WHERE schedule_id = ${scheduleID} ORDER BY created_at`;

/**
 * Records a queued send of `scheduleID` for `requestedBy` and delivers it in
 * this process through a mailer on `smtpUrl` (none: mail not configured),
 * the way the send job does; returns the logged status.
 */
async function deliverNow(
  scheduleID: string,
  requestedBy: string,
  to: string[],
  smtpUrl: string | undefined,
  orgID = acme.id,
  queuedAgo = '0 seconds',
) {
  const sendID = randomUUID();
  await admin`
    INSERT INTO report_send (id, organization_id, schedule_id, requested_by, report, format, params, recipients, created_at)
    VALUES (${sendID}, ${orgID}, ${scheduleID}, ${requestedBy}, 'kpis', 'xlsx', '{}', ${to}, now() - ${queuedAgo}::interval)`;
  const mailer = createMailer({ smtpUrl, from: 'Live KPI <reports@test.example>' });
  try {
    return await deliverSend(
      { adminSql: admin, appSql, mailer, render: renderReport, appUrl: 'http://localhost', log: () => {} },
      sendID,
    );
  } finally {
    mailer.close();
  }
}

/** The wall-clock time of `instant` in `timeZone`, as "weekday HH:MM" (Intl, independent of the cron parser). */
function wallClock(instant: string, timeZone: string): string {
  const entries = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(new Date(instant))
    .map((p) => [p.type, p.value]);
  const parts = Object.fromEntries(entries);
  return `${parts.weekday} ${parts.hour}:${parts.minute}`;
}

describe('report e-mail schedules', () => {
  test('a schedule is created (201) with its next run read in its own time zone', async () => {
    const made = await schedule({ cron: '30 7 * * *', timezone: 'America/New_York' });
    expect(made.id).toEqual(expect.any(String));
    expect(wallClock(made.nextRun, 'America/New_York')).toMatch(/ 07:30$/);
    const ahead = Date.parse(made.nextRun) - Date.now();
    expect(ahead).toBeGreaterThan(0);
    expect(ahead).toBeLessThanOrEqual(24 * 3600_000);

    const monday = await schedule({ cron: '0 8 * * 1', timezone: 'Asia/Tokyo' });
    expect(wallClock(monday.nextRun, 'Asia/Tokyo')).toBe('Mon 08:00');

    const list = expectStatus(await rest(asManager(), 'GET', BASE), 200) as { id: string; nextRun: string }[];
    expect(list.map((s) => s.id)).toEqual(expect.arrayContaining([made.id, monday.id]));
  });

  test('"send now" mails the report as an attachment to every recipient and logs it as sent', async () => {
    await createKpi(asManager(), { title: `Net revenue ${randomUUID().slice(0, 4)}`, targetValue: 5000, unit: '$' });
    const to = [address('ceo'), address('cfo')];
    const made = await schedule({ recipients: to });
    const run = await rest(asManager(), 'POST', `${BASE}/${made.id}/run`);
    expect(expectStatus(run, 202)).toMatchObject({ sendId: expect.any(String), status: 'queued' });

    const [received] = await waitForMails(to[0] as string, 1, JOB_DEADLINE_MS);
    const mail = received?.mail;
    expect(received?.envelopeTo.sort()).toEqual([...to].sort());
    expect(mail?.subject).toContain('Acme Reports');
    expect(mail?.text).toContain('Attached is the KPIs');
    expect(mail?.from?.text).toContain('reports@test.example');
    const attachment = mail?.attachments[0];
    expect(attachment?.filename).toMatch(/^Acme_Reports_KPIs_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(attachment?.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(attachment?.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('KPIs');
    const names = sheet?.getColumn(1).values.slice(2).map(String) ?? [];
    expect(names.some((n) => n.startsWith('Net revenue'))).toBe(true);
    const target = sheet?.getRow(2).getCell(5).value;
    expect(target).toBe(5000);

    await expect.poll(async () => (await sendsOf(made.id))[0]?.status, { timeout: JOB_DEADLINE_MS }).toBe('sent');
    const [send] = await sendsOf(made.id);
    expect(send?.messageId).toBe(mail?.messageId);
    expect(send?.smtpResponse).toMatch(/^250 /);
    const listed = expectStatus(await rest(asManager(), 'GET', BASE), 200) as { id: string; lastStatus: string }[];
    expect(listed.find((s) => s.id === made.id)?.lastStatus).toBe('sent');
  });

  test('a PDF schedule attaches the report as PDF, the document GET /api/reports/kpis.pdf gives', async () => {
    const to = address('pdf');
    const made = await schedule({ format: 'pdf', recipients: [to] });
    expectStatus(await rest(asManager(), 'POST', `${BASE}/${made.id}/run`), 202);
    const [received] = await waitForMails(to, 1, JOB_DEADLINE_MS);
    const attachment = received?.mail.attachments[0];
    expect(attachment?.contentType).toBe('application/pdf');
    expect(attachment?.filename).toMatch(/^Acme_Reports_KPIs_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(attachment?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('a due run is sent exactly once when two workers claim at the same moment', async () => {
    const to = address('race');
    const made = await schedule({ recipients: [to], cron: '*/5 * * * *', timezone: 'UTC' });
    const due = new Date(Date.now() - 60_000);
    await admin`UPDATE report_schedule SET next_run_at = ${due} WHERE id = ${made.id}`;

    // A queue of the test's own, on the stack's pg-boss: the claimed runs' send jobs go there, and the stack's workers mail them.
    const queue = createJobQueue({ databaseUrl: inject('stack').databaseUrl, log: () => {} });
    registerReportEmailJobs(queue, {
      adminSql: admin,
      appSql,
      mailer: createMailer({ smtpUrl: undefined, from: 'unused' }),
      render: renderReport,
      appUrl: 'http://unused',
      log: () => {},
    });
    await queue.start();
    try {
      await Promise.all([
        runScheduleTick({ adminSql: admin, send: queue.send }),
        runScheduleTick({ adminSql: admin, send: queue.send }),
      ]);
      await queue.idle();
    } finally {
      await queue.stop();
    }
    // The stack's own minute tick may have claimed it too: whoever did, one send exists for that due time.
    await expect.poll(async () => (await sendsOf(made.id)).map((s) => s.status), { timeout: JOB_DEADLINE_MS }).toEqual(['sent']);
    const [send] = await sendsOf(made.id);
    expect(send?.dueAt?.toISOString()).toBe(due.toISOString());
    expect(await mailsTo(to)).toHaveLength(1);
    const [after] = await admin<{ next: Date }[]>`SELECT next_run_at AS next FROM report_schedule WHERE id = ${made.id}`;
    expect(after?.next.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });

  test('without SMTP_URL nothing is mailed and the send is logged as not_configured', async () => {
    const to = address('nowhere');
    const made = await schedule({ recipients: [to] });
    expect(await deliverNow(made.id, acme.max.userID, [to], undefined)).toBe('not_configured');
    expect((await sendsOf(made.id)).map((s) => s.status)).toEqual(['not_configured']);
    expect(await mailsTo(to)).toHaveLength(0);
  });

  test('an SMTP server that cannot be reached: the send waits to be tried again, and is logged failed, with the error, after an hour', async () => {
    const made = await schedule();
    // Port 9 (discard) on loopback: nothing listens there.
    await expect(deliverNow(made.id, acme.max.userID, made.recipients, 'smtp://127.0.0.1:9')).rejects.toBeInstanceOf(
      SendDeferred,
    );
    const [waiting] = await sendsOf(made.id);
    expect(waiting?.status).toBe('queued');
    expect(waiting?.error).toMatch(/^Refused for now, trying again: .*(ECONNREFUSED|connect)/i);
    // Queued for more than the hour it keeps trying: failed, with the reason.
    expect(await deliverNow(made.id, acme.max.userID, made.recipients, 'smtp://127.0.0.1:9', acme.id, '61 minutes')).toBe(
      'failed',
    );
    const failed = (await sendsOf(made.id)).find((s) => s.status === 'failed');
    expect(failed?.error).toMatch(/ECONNREFUSED|connect/i);
  });

  test('a greylisting mail server refuses the first try (451): the send is tried again and delivered once', async () => {
    const to = `ops-${randomUUID().slice(0, 8)}@${GREYLIST_DOMAIN}`;
    const made = await schedule({ recipients: [to] });
    expectStatus(await rest(asManager(), 'POST', `${BASE}/${made.id}/run`), 202);
    // The refusal is in the send log while it waits (the job's next try comes after REPORT_SEND_RETRY_SECONDS).
    await expect
      .poll(async () => (await sendsOf(made.id))[0]?.error ?? (await sendsOf(made.id))[0]?.status, { timeout: JOB_DEADLINE_MS })
      .toMatch(/^Refused for now, trying again: .*451|^sent$/);
    await waitForMails(to, 1, JOB_DEADLINE_MS);
    await expect.poll(async () => (await sendsOf(made.id))[0]?.status, { timeout: JOB_DEADLINE_MS }).toBe('sent');
    const [send] = await sendsOf(made.id);
    expect(send?.error).toBeNull();
    expect(await mailsTo(to)).toHaveLength(1);
  });

  test('a schedule whose maker has lost the right to send sends nothing', async () => {
    const org = await orgWithPeople('Demotion Co', { dora: 'owner', manny: 'manager' });
    const to = address('demoted');
    const made = expectStatus(
      await rest({ person: org.manny, org: org.id }, 'POST', BASE, {
        report: 'kpis',
        format: 'xlsx',
        recipients: [to],
        cron: '@daily',
        timezone: 'UTC',
      }),
      201,
    );
    const [member] = await admin<
      { id: string }[]
    >`SELECT id FROM member WHERE "organizationId" = ${org.id} AND "userId" = ${org.manny.userID}`;
    const demoted = await rest({ person: org.dora }, 'POST', '/api/auth/organization/update-member-role', {
      memberId: member?.id,
      role: 'viewer',
      organizationId: org.id,
    });
    expectStatus(demoted, 200);
    expect(await deliverNow(made.id, org.manny.userID, [to], inject('smtpUrl'), org.id)).toBe('failed');
    expect((await sendsOf(made.id))[0]?.error).toContain('may no longer send reports');
    expect(await mailsTo(to)).toHaveLength(0);
  });
});

describe('bad schedules are refused, naming the field', () => {
  const field = async (body: Record<string, unknown>) => {
    const res = await rest(asManager(), 'POST', BASE, {
      report: 'kpis',
      format: 'pdf',
      recipients: ['a@example.com'],
      cron: '0 8 * * *',
      timezone: 'UTC',
      ...body,
    });
    const error = expectError(res, 400, 'VALIDATION_FAILED');
    return error.details.map((d) => d.loc.join('.'));
  };

  test('an invalid cron expression', async () => {
    expect(await field({ cron: 'every monday' })).toEqual(['body.cron']);
    expect(await field({ cron: '61 8 * * *' })).toEqual(['body.cron']);
    expect(await field({ cron: '0 0 8 * * *' })).toEqual(['body.cron']);
  });
  test('an unknown report, and bad parameters of a known one', async () => {
    expect(await field({ report: 'payroll' })).toEqual(['body.report']);
    expect(await field({ report: 'account-health', params: {} })).toEqual(['body.params.accountId']);
    expect(await field({ report: 'production-daily', params: { date: '2026-13-45' } })).toEqual(['body.params.date']);
  });
  test('a malformed address', async () => {
    expect(await field({ recipients: ['ok@example.com', 'not-an-address'] })).toEqual(['body.recipients.1']);
    expect(await field({ recipients: [] })).toEqual(['body.recipients']);
  });
  test('an unknown time zone', async () => {
    expect(await field({ timezone: 'Mars/Olympus_Mons' })).toEqual(['body.timezone']);
    expect(await field({ timezone: '+01:00' })).toEqual(['body.timezone']);
  });
});

describe('who may schedule', () => {
  test('a viewer cannot create or list schedules', async () => {
    const res = await rest({ person: acme.vera, org: acme.id }, 'POST', BASE, {
      report: 'kpis',
      format: 'xlsx',
      recipients: ['a@example.com'],
      cron: '0 8 * * *',
      timezone: 'UTC',
    });
    expectError(res, 403, 'FORBIDDEN');
    expectError(await rest({ person: acme.vera, org: acme.id }, 'GET', BASE), 403, 'FORBIDDEN');
  });

  test("another organization's schedule is not found: list, run and delete", async () => {
    const made = await schedule();
    const other = { person: globex.gina, org: globex.id };
    const list = expectStatus(await rest(other, 'GET', BASE), 200) as { id: string }[];
    expect(list.map((s) => s.id)).not.toContain(made.id);
    expectError(await rest(other, 'POST', `${BASE}/${made.id}/run`), 404, 'NOT_FOUND');
    expectError(await rest(other, 'DELETE', `${BASE}/${made.id}`), 404, 'NOT_FOUND');
    expect(await sendsOf(made.id)).toHaveLength(0);
    expectStatus(await rest(asManager(), 'DELETE', `${BASE}/${made.id}`), 204);
    expectError(await rest(asManager(), 'POST', `${BASE}/${made.id}/run`), 404, 'NOT_FOUND');
  });
});

describe('invitations', () => {
  test('an invitation is e-mailed with its accept link', async () => {
    const invitee = address('invitee');
    const res = await rest({ person: acme.olivia }, 'POST', '/api/auth/organization/invite-member', {
      email: invitee,
      role: 'operator',
      organizationId: acme.id,
    });
    const invitation = expectStatus(res, 200) as { id: string };
    const [received] = await waitForMails(invitee, 1, JOB_DEADLINE_MS);
    expect(received?.mail.subject).toContain('Acme Reports');
    expect(received?.mail.text).toContain(`/invite/${invitation.id}`);
    expect(received?.mail.text).toContain('as Operator');
  });
});
