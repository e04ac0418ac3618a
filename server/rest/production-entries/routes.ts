import { randomUUID } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import type { FieldIssue } from '../../../shared/errors.ts';
import { authorize } from '../../../sync/permissions.ts';
import { withNames } from '../../../sync/queries/shop-floor-entries.ts';
import { scoped } from '../../../sync/tenant.ts';
import type { DbTransaction } from '../../zero/db-provider.ts';
import { mutatorContext, type RestDeps } from '../context.ts';
import { cursorOf, keysetOf } from '../cursor.ts';
import { validationFailed, withRestFields } from '../issues.ts';
import { errors, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { writeOwned } from '../owned.ts';
import { resourceApp } from '../resource-app.ts';
import { readInTenant } from '../tenant.ts';
import {
  ProductionEntryCreateSchema,
  ProductionEntryListQuery,
  ProductionEntryPageSchema,
  type ProductionEntryRow,
  ProductionEntrySchema,
  productionEntryJson,
  productionEntryRestFields,
} from './schemas.ts';

const tags = ['Shop floor: production entries'];
type Ctx = ReturnType<typeof mutatorContext>;

const refused = (field: string, msg: string): never => {
  throw validationFailed([{ loc: ['body', field], msg, type: 'not_found' } satisfies FieldIssue]);
};

/** The organization's work order with `number` (another organization's is "no such number" too). */
async function orderByNumber(tx: DbTransaction, orgID: string, number: string, ctx: Ctx) {
  const order = await tx.run(scoped('workOrder', orgID, ctx).where('number', number).one());
  return order ?? refused('workOrder', `No work order with the number “${number}” in this organization`);
}

/** The line given, else the line of the order's first job (oldest), else a 400 naming `lineId`. */
async function lineFor(tx: DbTransaction, orgID: string, order: { id: string; number: string }, ctx: Ctx, lineId?: string) {
  if (lineId !== undefined) return lineId;
  const jobs = scoped('job', orgID, ctx).where('workOrderID', order.id).orderBy('createdAt', 'asc').orderBy('id', 'asc');
  const first = await tx.run(jobs.one());
  return first?.lineID ?? refused('lineId', `lineId is required: work order ${order.number} has no job to take the line from`);
}

async function shiftByName(tx: DbTransaction, orgID: string, name: string, ctx: Ctx) {
  const shift = await tx.run(scoped('shift', orgID, ctx).where('name', name).one());
  return shift?.id ?? refused('shift', `No shift named “${name}” in this organization`);
}

/**
 * /api/production/entries: production entries for scripts and machines.
 * Writes run the app's mutator (productionEntry.create), so the same rules,
 * roles and audit apply; everything of a refused entry is rolled back.
 */
export function productionEntryRoutes(platform: RestDeps) {
  const deps = withRestFields(platform, productionEntryRestFields);
  const app = resourceApp(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'List production entries',
      description:
        'Newest shift date first (then by id), a page at a time: pass `nextCursor` back as `cursor` until it is null. Filters: `workOrder` (its number), `line` (its id), `from` and `to` (shift dates, both included). Viewers and above.',
      request: { query: ProductionEntryListQuery },
      responses: { 200: ok(ProductionEntryPageSchema, 'A page of production entries'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { workOrder, line, from, to, limit, cursor } = c.req.valid('query');
      const after = cursor === undefined ? null : keysetOf(cursor);
      let query = scoped('productionEntry', caller.orgID, mutatorContext(caller));
      if (workOrder !== undefined) query = query.whereExists('workOrder', (w) => w.where('number', workOrder));
      if (line !== undefined) query = query.where('lineID', line);
      if (from !== undefined) query = query.where('shiftDate', '>=', Date.parse(from));
      if (to !== undefined) query = query.where('shiftDate', '<=', Date.parse(to));
      if (after) {
        query = query.where(({ or, and, cmp }) =>
          or(cmp('shiftDate', '<', after.at), and(cmp('shiftDate', '=', after.at), cmp('id', '<', after.id))),
        );
      }
      // One row more than the page: whether there is a next page, without counting.
      const page = withNames(query)
        .orderBy('shiftDate', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      const rows = (await readInTenant(deps, caller, (tx) => tx.run(page))) as ProductionEntryRow[];
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      const nextCursor = rows.length > limit && last ? cursorOf({ at: last.shiftDate, id: last.id }) : null;
      return c.json({ items: items.map(productionEntryJson), nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'Enter a shift’s production',
      description:
        'Operators and above. Refused with a 400 naming the field: an unknown work order number (or another organization’s), a COMPLETED, CANCELLED or REJECTED work order, units defective above units produced, negative counts or hours, more than 24 hours or more than the shift’s span, an unknown line or shift. Nothing is written unless all of it is.',
      request: { body: jsonBody(ProductionEntryCreateSchema) },
      responses: { 201: ok(ProductionEntrySchema, 'The stored entry'), ...errors(403, 415) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const id = randomUUID();
      const row = await writeOwned(
        deps,
        c,
        { table: 'productionEntry', id, shape: withNames },
        async ({ tx, m, caller, ctx }) => {
          // The role first: a refusal reveals nothing about which work orders exist.
          await authorize(tx, ctx, 'shopFloorEntry', 'create');
          const order = await orderByNumber(tx, caller.orgID, body.workOrder, ctx);
          const args = {
            id,
            workOrderID: order.id,
            jobID: body.jobId ?? null,
            lineID: await lineFor(tx, caller.orgID, order, ctx, body.lineId),
            shiftID: body.shift === undefined ? null : await shiftByName(tx, caller.orgID, body.shift, ctx),
            shiftDate: Date.parse(body.shiftDate),
            unitsProduced: body.unitsProduced,
            unitsDefective: body.unitsDefective ?? 0,
            runHours: body.runTimeHours,
            employeesAssigned: body.employeesAssigned,
            employeesPresent: body.employeesPresent ?? null,
            note: body.note ?? null,
          };
          await m.productionEntry.create.fn({ tx, args, ctx });
        },
      );
      return c.json(productionEntryJson(row as ProductionEntryRow), 201);
    },
  );
  return app;
}
