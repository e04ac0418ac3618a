import type { Person } from '../../helpers/people.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';
import type { QueryFactory } from './cases.ts';

/** A report e-mail schedule in A (through REST, by A's owner) and one "send now" of it: a row in each table. */
export async function worldReportEmail(owner: Person, orgA: string): Promise<{ reportScheduleID: string; reportSendID: string }> {
  const me = { person: owner, org: orgA };
  const schedule = expectStatus(
    await rest(me, 'POST', '/api/reports/email/schedule', {
      report: 'kpis',
      format: 'xlsx',
      recipients: ['crossing@mail.test.example'],
      cron: '0 6 * * *',
      timezone: 'UTC',
    }),
    201,
  );
  const send = expectStatus(await rest(me, 'POST', `/api/reports/email/schedule/${schedule.id}/run`), 202);
  return { reportScheduleID: schedule.id as string, reportSendID: send.sendId as string };
}

/** Report e-mail's synced queries: the schedules and the send log. */
export const reportEmailQueries: Record<string, QueryFactory> = {
  'reportSchedules.list': { args: (w) => ({ orgID: w.orgA }) },
  'reportSends.recent': { args: (w) => ({ orgID: w.orgA }) },
};
