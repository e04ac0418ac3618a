import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { queries } from '../../../sync/queries.ts';
import type { ReportSend } from '../../../sync/schema.ts';
import { JOB_DEADLINE_MS } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';
import { syncedPastNow, useZeroClients, watch } from '../../helpers/zero-client.ts';

/** The send log, live: admins see every send with its delivery status; a manager who may send does not read the log. */
describe('report e-mail send log', () => {
  const open = useZeroClients();
  const org = useOrg('Send Log Co', { ada: 'owner', adam: 'admin', mike: 'manager' });

  test('an admin sees a send arrive as sent, with the SMTP answer and message id; the manager who sent it gets no log rows', async () => {
    const admin = watch<ReportSend[]>(open(org.adam, org.id), queries.reportSends.recent({ orgID: org.id }));
    const managerZero = open(org.mike, org.id);
    const manager = watch<ReportSend[]>(managerZero, queries.reportSends.recent({ orgID: org.id }));
    const schedules = watch<{ id: string }[]>(managerZero, queries.reportSchedules.list({ orgID: org.id }));

    const me = { person: org.mike, org: org.id };
    const made = expectStatus(
      await rest(me, 'POST', '/api/reports/email/schedule', {
        report: 'kpis',
        format: 'xlsx',
        recipients: [`log-${randomUUID().slice(0, 8)}@mail.test.example`],
        cron: '@daily',
        timezone: 'UTC',
      }),
      201,
    );
    await schedules.until((rows) => rows.some((s) => s.id === made.id));
    const { sendId } = expectStatus(await rest(me, 'POST', `/api/reports/email/schedule/${made.id}/run`), 202);

    const [sent] = (
      await admin.until((rows) => rows.some((s) => s.id === sendId && s.status === 'sent'), JOB_DEADLINE_MS)
    ).filter((s) => s.id === sendId);
    expect(sent).toMatchObject({ scheduleID: made.id, requestedBy: org.mike.userID, report: 'kpis', format: 'xlsx' });
    expect(sent?.smtpResponse).toMatch(/^250 /);
    expect(sent?.messageID).toEqual(expect.any(String));

    await syncedPastNow(managerZero, org.mike, org.id);
    expect(manager.resultType()).toBe('complete');
    expect(manager.history().flat()).toEqual([]);
  });
});
