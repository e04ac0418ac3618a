import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { PLAYBOOK_IDS } from '../../../shared/playbooks/builtins.ts';
import { defaultTrigger, TRIGGER_OPS } from '../../../shared/playbooks/triggers.ts';
import { scoped } from '../../../sync/tenant.ts';
import { mutatorContext, type RestDeps } from '../context.ts';
import { restFields, withRestFields } from '../issues.ts';
import { iso } from '../json.ts';
import { errors, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { resourceApp, restSource } from '../resource-app.ts';
import { inTenant, readInTenant } from '../tenant.ts';

const tags = ['Playbooks'];

const Condition = z
  .object({
    kpi: z
      .string()
      .openapi({ description: 'A KPI name one of the organization’s reference ranges knows, or "health"', example: 'NPS Score' }),
    op: z
      .string()
      .openapi({ description: `One of ${TRIGGER_OPS.join(', ')} ("drop": health only, points month over month)`, example: '<' }),
    value: z.number().openapi({ example: 10 }),
  })
  .openapi('TriggerCondition');

const TriggerBody = z
  .object({ autoTrigger: z.boolean(), conditions: z.array(Condition).max(20) })
  .openapi('PlaybookTriggerInput');

const TriggerSchema = z
  .object({
    playbookId: z.enum(PLAYBOOK_IDS),
    autoTrigger: z.boolean(),
    conditions: z.array(Condition),
    triggerCount: z.number(),
    lastEvaluatedAt: z.string().nullable().openapi({ format: 'date-time' }),
    lastFiredAt: z.string().nullable().openapi({ format: 'date-time' }),
    updatedAt: z.string().nullable().openapi({ format: 'date-time', description: 'null: the defaults, never changed' }),
  })
  .openapi('PlaybookTrigger');

const Params = z.object({
  playbookId: z.enum(PLAYBOOK_IDS).openapi({ param: { name: 'playbookId', in: 'path' }, example: 'voc-sprint' }),
});

type Row = {
  autoTrigger: boolean;
  conditions: readonly { kpi: string; op: string; value: number }[];
  triggerCount: number;
  lastEvaluatedAt?: number | null;
  lastFiredAt?: number | null;
  updatedAt: number;
};

function triggerJson(playbookId: (typeof PLAYBOOK_IDS)[number], row: Row | undefined): z.infer<typeof TriggerSchema> {
  const base = row ?? { ...defaultTrigger(playbookId), triggerCount: 0 };
  return {
    playbookId,
    autoTrigger: base.autoTrigger,
    conditions: [...base.conditions],
    triggerCount: base.triggerCount,
    lastEvaluatedAt: row?.lastEvaluatedAt ? iso(row.lastEvaluatedAt) : null,
    lastFiredAt: row?.lastFiredAt ? iso(row.lastFiredAt) : null,
    updatedAt: row ? iso(row.updatedAt) : null,
  };
}

/** /api/playbook-triggers/{playbookId}: what starts a playbook. Everyone reads; admins change it. */
export function playbookTriggerRoutes(platform: RestDeps) {
  const deps = withRestFields(platform, restFields({ playbookID: 'playbookId' }));
  const app = resourceApp(deps);
  const read = (orgID: string, playbookID: string, ctx: ReturnType<typeof mutatorContext>) =>
    scoped('playbookTrigger', orgID, ctx).where('playbookID', playbookID).one();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{playbookId}',
      tags,
      ...sessionOrKey,
      summary: 'Get a playbook’s trigger',
      description: 'Its conditions (any one fires), whether it starts executions by itself, and how often it has fired.',
      request: { params: Params },
      responses: { 200: ok(TriggerSchema, 'The trigger'), ...errors() },
    }),
    async (c) => {
      const { playbookId } = c.req.valid('param');
      const caller = c.get('caller');
      const row = await readInTenant(deps, caller, (tx) => tx.run(read(caller.orgID, playbookId, mutatorContext(caller))));
      return c.json(triggerJson(playbookId, row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{playbookId}',
      tags,
      ...sessionOrKey,
      summary: 'Set a playbook’s trigger',
      description: 'Admins. A condition on a KPI name no reference range knows is refused.',
      request: { params: Params, body: jsonBody(TriggerBody) },
      responses: { 200: ok(TriggerSchema, 'The trigger as it now is'), ...errors(403, 415) },
    }),
    async (c) => {
      const { playbookId } = c.req.valid('param');
      const body = c.req.valid('json');
      const caller = c.get('caller');
      const row = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        const ctx = mutatorContext(caller);
        await m.playbookTrigger.set.fn({ tx, args: { id: randomUUID(), playbookID: playbookId, ...body }, ctx });
        return tx.run(read(caller.orgID, playbookId, ctx));
      });
      return c.json(triggerJson(playbookId, row), 200);
    },
  );

  return app;
}
