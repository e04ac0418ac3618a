import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../shared/errors.ts';
import { scoped } from '../../../sync/tenant.ts';
import type { RestDeps } from '../context.ts';
import { withRestFields } from '../issues.ts';
import { errors, IdParams, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { readUnder, writeOwned } from '../owned.ts';
import { resourceApp } from '../resource-app.ts';
import {
  ExecutionSchema,
  executionJson,
  executionRestFields,
  ReportSchema,
  reportJson,
  StartSchema,
  StepPatchSchema,
  StepSchema,
  stepJson,
} from './schemas.ts';

const tags = ['Playbooks'];

type Executions = ReturnType<typeof scoped<'playbookExecution'>>;
const withSteps = (q: Executions) =>
  q
    .related('steps', (s) => s.orderBy('position', 'asc'))
    .related('notes', (n) => n.orderBy('createdAt', 'asc').orderBy('id', 'asc'));

/**
 * /api/accounts/{id}/playbook-executions: an account's executions, and
 * starting one by hand. Mounted under that path, so the accounts sub-app's
 * plumbing runs for it too; the caller is still resolved once (authenticate).
 */
export function accountExecutionRoutes(platform: RestDeps) {
  const deps = withRestFields(platform, executionRestFields);
  const app = resourceApp(deps);
  const list = (orgID: string, accountID: string, ctx: Parameters<typeof scoped>[2]) =>
    withSteps(scoped('playbookExecution', orgID, ctx).where('accountID', accountID))
      .orderBy('startedAt', 'desc')
      .orderBy('id', 'asc');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'List an account’s playbook executions',
      description: 'Newest first, open and finished, each with its steps and their notes.',
      request: { params: IdParams },
      responses: { 200: ok(z.array(ExecutionSchema), 'The executions'), ...errors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const rows = await readUnder(deps, c, { table: 'account', id }, ({ tx, caller, ctx }) =>
        tx.run(list(caller.orgID, id, ctx)),
      );
      return c.json(rows.map(executionJson), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'Start a playbook on an account',
      description:
        'Operators and up. `playbookId`: a built-in (voc-sprint, activation, sla, renewal, expansion) or one of the organization’s copies. One open execution per account and playbook: a second is a 409.',
      request: { params: IdParams, body: jsonBody(StartSchema) },
      responses: { 201: ok(ExecutionSchema, 'The new execution (triggeredBy "manual")'), ...errors(403, 409, 415) },
    }),
    async (c) => {
      const { id: accountID } = c.req.valid('param');
      const { playbookId } = c.req.valid('json');
      const executionID = randomUUID();
      const row = await writeOwned(deps, c, { table: 'playbookExecution', id: executionID, shape: withSteps }, ({ tx, m, ctx }) =>
        m.playbookExecution.start.fn({ tx, args: { id: executionID, accountID, playbookID: playbookId }, ctx }),
      );
      return c.json(executionJson(row), 201);
    },
  );
  return app;
}

const StepParams = IdParams.extend({
  stepId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'stepId', in: 'path' } }),
});

/** /api/playbook-executions/{id}: working an execution's steps, and its report. */
export function executionRoutes(platform: RestDeps) {
  const deps = withRestFields(platform, executionRestFields);
  const app = resourceApp(deps);

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}/steps/{stepId}',
      tags,
      ...sessionOrKey,
      summary: 'Change a step',
      description:
        'Operators and up, while the execution is active. Send any of the fields: only those change, so two people changing different fields both keep theirs. `notes` appends a note. The last step done or skipped completes the execution and makes its report. All or nothing.',
      request: { params: StepParams, body: jsonBody(StepPatchSchema) },
      responses: { 200: ok(StepSchema, 'The step as it now is'), ...errors(403, 409, 415) },
    }),
    async (c) => {
      const { id, stepId } = c.req.valid('param');
      const { notes, assigneeId, dueAt, ...rest } = c.req.valid('json');
      const row = await writeOwned(deps, c, { table: 'playbookStep', id: stepId }, async ({ tx, m, caller, ctx }) => {
        const step = await tx.run(scoped('playbookStep', caller.orgID, ctx).where('id', stepId).where('executionID', id).one());
        if (!step) throw new AppError('NOT_FOUND', 'Step not found.');
        const change = {
          ...rest,
          ...(assigneeId === undefined ? {} : { assigneeID: assigneeId }),
          ...(dueAt === undefined ? {} : { dueAt: dueAt === null ? null : Date.parse(dueAt) }),
        };
        if (Object.keys(change).length) await m.playbookStep.update.fn({ tx, args: { id: stepId, ...change }, ctx });
        if (notes !== undefined)
          await m.playbookStep.addNote.fn({ tx, args: { id: randomUUID(), stepID: stepId, body: notes }, ctx });
      });
      const notesOf = await readUnder(deps, c, { table: 'playbookStep', id: stepId }, ({ tx, caller, ctx }) =>
        tx.run(
          scoped('playbookStepNote', caller.orgID, ctx).where('stepID', stepId).orderBy('createdAt', 'asc').orderBy('id', 'asc'),
        ),
      );
      return c.json(stepJson(row, notesOf), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/report',
      tags,
      ...sessionOrKey,
      summary: 'Get an execution’s RACI report',
      description:
        'Made when the execution completes or is cancelled: executive summary, RACI breakdown, outcomes (baseline, current, improvement per KPI), exit criteria met, next steps. A 404 while the execution is active.',
      request: { params: IdParams },
      responses: { 200: ok(ReportSchema, 'The report'), ...errors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const report = await readUnder(deps, c, { table: 'playbookExecution', id }, ({ tx, caller, ctx }) =>
        tx.run(scoped('playbookReport', caller.orgID, ctx).where('executionID', id).one()),
      );
      if (!report) throw new AppError('NOT_FOUND', 'This execution has no report yet: it is still active.');
      return c.json(reportJson(report), 200);
    },
  );
  return app;
}
