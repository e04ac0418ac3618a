import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../../sync/permissions.ts';
import { withHistory, withProduct } from '../../../sync/queries/shop-floor.ts';
import { findOwned, scoped } from '../../../sync/tenant.ts';
import type { DbTransaction } from '../../zero/db-provider.ts';
import { mutatorContext, type RestDeps } from '../context.ts';
import { validationFailed, withRestFields } from '../issues.ts';
import { errors, IdParams, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { writeOwned } from '../owned.ts';
import { resourceApp } from '../resource-app.ts';
import { readInTenant } from '../tenant.ts';
import {
  type FullWorkOrderRow,
  TransitionCreateSchema,
  WorkOrderCreateSchema,
  WorkOrderListQuery,
  WorkOrderSchema,
  WorkOrderSummarySchema,
  workOrderJson,
  workOrderRestFields,
  workOrderSummaryJson,
} from './schemas.ts';

const tags = ['Shop floor: work orders'];
const LIFECYCLE =
  'ACTIVE -> ON_HOLD (reason required), ON_HOLD -> ACTIVE (release), ACTIVE -> COMPLETED, ACTIVE or ON_HOLD -> CANCELLED or REJECTED (reason required); COMPLETED, CANCELLED and REJECTED are final.';

/** The id of the organization's product with `code`, or a 400 naming `product`. */
async function productByCode(tx: DbTransaction, orgID: string, code: string, ctx: ReturnType<typeof mutatorContext>) {
  const product = await tx.run(scoped('product', orgID, ctx).where('code', code).one());
  if (product) return product.id;
  const msg = `No product with the code “${code}” in this organization`;
  throw validationFailed([{ loc: ['body', 'product'], msg, type: 'not_found' }]);
}

/**
 * /api/work-orders: work orders and their lifecycle. Writes run the same
 * mutators as the app (creation, transitions), so the same rules hold and
 * the same rows (transitions, holds) are kept.
 */
export function workOrderRoutes(platform: RestDeps) {
  const deps = withRestFields(platform, workOrderRestFields);
  const app = resourceApp(deps);
  const full = (id: string) => ({ table: 'workOrder' as const, id, shape: withHistory });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'List work orders',
      description: 'By number, every status unless `status` names one.',
      request: { query: WorkOrderListQuery },
      responses: { 200: ok(z.array(WorkOrderSummarySchema), 'The work orders'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { status } = c.req.valid('query');
      const all = scoped('workOrder', caller.orgID, mutatorContext(caller));
      const query = withProduct(status ? all.where('status', status) : all)
        .orderBy('number', 'asc')
        .orderBy('id', 'asc');
      const rows = await readInTenant(deps, caller, (tx) => tx.run(query));
      return c.json(rows.map(workOrderSummaryJson), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'Create a work order',
      description:
        'Managers and above. It starts ACTIVE. `number` is unique in the organization (a 409 naming it when taken); `product` is a product’s code.',
      request: { body: jsonBody(WorkOrderCreateSchema) },
      responses: { 201: ok(WorkOrderSchema, 'The new work order'), ...errors(403, 409, 415) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const id = randomUUID();
      const row = await writeOwned(deps, c, full(id), async ({ tx, m, caller, ctx }) => {
        // The role first: a refusal reveals nothing about which products exist.
        await authorize(tx, ctx, 'workOrder', 'create');
        const productID = body.product ? await productByCode(tx, caller.orgID, body.product, ctx) : null;
        const args = {
          id,
          number: body.number,
          plannedQuantity: body.plannedQuantity,
          productID,
          plannedStart: body.plannedStart ? Date.parse(body.plannedStart) : null,
          plannedShipDate: body.plannedShipDate ? Date.parse(body.plannedShipDate) : null,
        };
        await m.workOrder.create.fn({ tx, args, ctx });
      });
      return c.json(workOrderJson(row as FullWorkOrderRow), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      ...sessionOrKey,
      summary: 'Get a work order',
      description: 'With its jobs, every transition (who, when, why) and every hold with its duration.',
      request: { params: IdParams },
      responses: { 200: ok(WorkOrderSchema, 'The work order'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const row = await readInTenant(deps, caller, (tx) => findOwned(tx, 'workOrder', caller.orgID, id, withHistory));
      return c.json(workOrderJson(row as FullWorkOrderRow), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/transitions',
      tags,
      ...sessionOrKey,
      summary: 'Move a work order through its lifecycle',
      description: `${LIFECYCLE} Holding and releasing: operators and above; completing, cancelling and rejecting: managers and above. A transition the lifecycle forbids is a 400 naming \`to\`; a missing reason a 400 naming \`reason\`. Nothing is written unless all of it is.`,
      request: { params: IdParams, body: jsonBody(TransitionCreateSchema) },
      responses: { 201: ok(WorkOrderSchema, 'The work order as it now is, the new transition last'), ...errors(403, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { to, reason } = c.req.valid('json');
      const row = await writeOwned(deps, c, full(id), ({ tx, m, ctx }) =>
        m.workOrder.transition.fn({ tx, args: { id, transitionID: randomUUID(), to, reason: reason ?? null }, ctx }),
      );
      return c.json(workOrderJson(row as FullWorkOrderRow), 201);
    },
  );
  return app;
}
