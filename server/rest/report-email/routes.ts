import { createRoute } from '@hono/zod-openapi';
import type { TransactionSql } from 'postgres';
import { authorize } from '../../../sync/permissions.ts';
import { REPORT_SEND_JOB } from '../../report-email/jobs.ts';
import {
  checkSchedule,
  deleteSchedule,
  insertSchedule,
  listSchedules,
  queueManualSend,
  type ScheduleRow,
  scheduleOf,
} from '../../report-email/schedules.ts';
import { mutatorContext, type RestDeps } from '../context.ts';
import { validationFailed } from '../issues.ts';
import { errors, IdParams, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { resourceApp, restSource } from '../resource-app.ts';
import { inTenant, readInTenant } from '../tenant.ts';
import { RunSchema, ScheduleCreateSchema, ScheduleListSchema, ScheduleSchema } from './schemas.ts';

const tags = ['Reports: scheduled e-mail'];
const sqlOf = (tx: { dbTransaction: { wrappedTransaction: unknown } }) => tx.dbTransaction.wrappedTransaction as TransactionSql;

const scheduleJson = (s: ScheduleRow) => ({
  id: s.id,
  report: s.report,
  format: s.format,
  params: s.params,
  recipients: s.recipients,
  cron: s.cron,
  timezone: s.timezone,
  nextRun: s.nextRunAt.toISOString(),
  lastRun: s.lastRunAt?.toISOString() ?? null,
  lastStatus: s.lastStatus,
  createdBy: s.createdBy,
  createdAt: s.createdAt.toISOString(),
});

/**
 * /api/reports/email/schedule: reports e-mailed on a cron schedule (issue 11,
 * item 8). Managers and up list, create, delete and "send now"; the sends
 * run on the job queue (server/report-email/) and are logged for admins.
 */
export function reportEmailRoutes(deps: RestDeps) {
  const app = resourceApp(deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'Schedule a report e-mail',
      description: [
        'Managers and above. The report (with its `params`) is rendered as you and mailed, as an attachment, to `recipients`',
        'at every time `cron` names, read in `timezone` (so "0 8 * * 1" in Europe/Berlin is Monday 08:00 Berlin time, summer and winter).',
        'A 400 names the field: an unknown report, bad params, a malformed address, an invalid cron expression, an unknown time zone.',
      ].join(' '),
      request: { body: jsonBody(ScheduleCreateSchema) },
      responses: { 201: ok(ScheduleSchema, 'The schedule, with `id` and `nextRun`'), ...errors(403) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { value, issues } = checkSchedule(c.req.valid('json'));
      const row = await inTenant(deps, caller, restSource(c), async (tx) => {
        await authorize(tx, mutatorContext(caller), 'reportSchedule', 'create');
        if (issues.length > 0) throw validationFailed(issues);
        return insertSchedule(sqlOf(tx), caller, value);
      });
      return c.json(scheduleJson(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'The organization’s report e-mail schedules',
      description: 'Managers and above. Newest first, each with its next run and how its latest send went.',
      responses: { 200: ok(ScheduleListSchema, 'The schedules'), ...errors(403) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const rows = await readInTenant(deps, caller, async (tx) => {
        await authorize(tx, mutatorContext(caller), 'reportSchedule', 'read');
        return listSchedules(sqlOf(tx), caller.orgID);
      });
      return c.json(rows.map(scheduleJson), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      ...sessionOrKey,
      summary: 'Delete a schedule',
      description: 'Managers and above. No further sends; the send log keeps its past sends.',
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, ...errors(403) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      await inTenant(deps, caller, restSource(c), async (tx) => {
        await authorize(tx, mutatorContext(caller), 'reportSchedule', 'delete');
        await deleteSchedule(sqlOf(tx), caller.orgID, id);
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/run',
      tags,
      ...sessionOrKey,
      summary: 'Send a scheduled report now',
      description:
        'Managers and above. Queues one send of the schedule’s report to its recipients, rendered as you; the schedule’s next run is unchanged. The outcome shows in the send log.',
      request: { params: IdParams },
      responses: { 202: ok(RunSchema, 'The send is queued'), ...errors(403) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      const sendId = await inTenant(deps, caller, restSource(c), async (tx) => {
        await authorize(tx, mutatorContext(caller), 'reportSchedule', 'run');
        const sql = sqlOf(tx);
        return queueManualSend(sql, caller, await scheduleOf(sql, caller.orgID, id));
      });
      deps.postCommit([{ job: REPORT_SEND_JOB, data: { sendID: sendId, orgID: caller.orgID, runKey: sendId } }]);
      return c.json({ sendId, status: 'queued' as const }, 202);
    },
  );
  return app;
}
