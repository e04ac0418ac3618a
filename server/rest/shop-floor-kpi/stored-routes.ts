import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { TransactionSql } from 'postgres';
import { AppError, type FieldIssue } from '../../../shared/errors.ts';
import { DAY_MS } from '../../../shared/shop-floor/instants.ts';
import { KPI_NAMES, type KpiName } from '../../../shared/shop-floor/kpi-names.ts';
import { resolveFilter } from '../../shop-floor/resolve-filter.ts';
import { type StoredGroup, storedKpis } from '../../shop-floor/stored-kpis.ts';
import type { RestDeps, RestEnv } from '../context.ts';
import { validationFailed } from '../issues.ts';
import { errors, ok, sessionOrKey } from '../openapi.ts';
import { readInTenant } from '../tenant.ts';
import {
  KpiNameParams,
  STORED_RANGE_DEFAULT_DAYS,
  STORED_RANGE_MAX_DAYS,
  StoredKpiQuery,
  StoredKpiSchema,
  StoredKpisSchema,
} from './stored-schemas.ts';

const tags = ['Shop-floor KPIs'];
type Query = ReturnType<typeof StoredKpiQuery.parse>;

const bad = (param: string, msg: string): never => {
  throw validationFailed([{ loc: ['query', param], msg, type: 'value_error' } satisfies FieldIssue]);
};
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The range asked for: from/to or seed 004's date_from/date_to, at most STORED_RANGE_MAX_DAYS days. */
function rangeOf(q: Query, now: number) {
  if (q.from !== undefined && q.date_from !== undefined && q.from !== q.date_from)
    bad('date_from', 'Give from or date_from, not two different dates');
  if (q.to !== undefined && q.date_to !== undefined && q.to !== q.date_to)
    bad('date_to', 'Give to or date_to, not two different dates');
  const toParam = q.to !== undefined ? 'to' : 'date_to';
  const to = q.to ?? q.date_to ?? day(now);
  const from = q.from ?? q.date_from ?? day(Date.parse(to) - (STORED_RANGE_DEFAULT_DAYS - 1) * DAY_MS);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1) bad(toParam, `${toParam} (${to}) is before from (${from})`);
  if (days > STORED_RANGE_MAX_DAYS)
    bad(toParam, `The range ${from} to ${to} is ${days} days; ask for at most ${STORED_RANGE_MAX_DAYS} at a time`);
  return { from, to };
}

/** Reads the stored KPIs for the request, under the caller's row-level security. */
function compute(deps: RestDeps, caller: RestEnv['Variables']['caller'], q: Query, kpis?: KpiName[]) {
  const now = Date.now();
  const range = rangeOf(q, now);
  return readInTenant(deps, caller, async (db) => {
    const tx = db.dbTransaction.wrappedTransaction as unknown as TransactionSql;
    const [lineID, productID, shiftID] = [
      (await resolveFilter(tx, caller.orgID, 'line', q.line))?.id,
      (await resolveFilter(tx, caller.orgID, 'product', q.product))?.id,
      (await resolveFilter(tx, caller.orgID, 'shift', q.shift))?.id,
    ];
    const stored = await storedKpis(tx, {
      orgID: caller.orgID,
      ...range,
      lineID,
      productID,
      shiftID,
      groupBy: q.groupBy,
      now,
      ...(kpis === undefined ? {} : { kpis }),
    });
    const filters = {
      line: lineID ?? null,
      product: productID ?? null,
      shift: shiftID ?? null,
      ...range,
      asOf: new Date(stored.asOf).toISOString(),
    };
    return { filters, groupBy: q.groupBy, ...stored };
  });
}

const FILTERS_TEXT =
  'Over stored entries, through the per-shift rollups (sums kept current by the database after every write): `line`, `product` and `shift` (ids, or a line’s or shift’s name, a product’s code), `from` and `to` (shift dates, both included; seed 004’s `date_from` and `date_to` are accepted too; at most 366 days; default the 30 days up to today). Each KPI is its formula over the summed times and counts, never a mean of percentages; missing ideal cycle times and shift lengths are inferred (product 1.0, its 30-day history 0.85) and listed. OTD counts work orders with a planned ship date in the range; absenteeism the attendance entries (not per line or product). `groupBy` adds per-line, -product, -shift or -day results. Viewers and above; another organization’s line, product or shift is a 404.';

/** GET /api/kpi/all and GET /api/kpi/{name}: KPIs over stored entries. */
export function storedKpiRoutes(app: OpenAPIHono<RestEnv>, deps: RestDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/all',
      tags,
      ...sessionOrKey,
      summary: 'Every shop-floor KPI over stored entries',
      description: FILTERS_TEXT,
      request: { query: StoredKpiQuery },
      responses: { 200: ok(StoredKpisSchema, 'Every KPI, the inputs used and the groups asked for'), ...errors(404) },
    }),
    async (c) => {
      const r = await compute(deps, c.get('caller'), c.req.valid('query'));
      const group = (g: StoredGroup) => ({ key: g.key, inputs: g.inputs, results: g.results });
      return c.json(
        { filters: r.filters, groupBy: r.groupBy, inputs: r.total.inputs, results: r.total.results, groups: r.groups.map(group) },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{name}',
      tags,
      ...sessionOrKey,
      summary: 'One shop-floor KPI over stored entries',
      description: `${FILTERS_TEXT} An unknown name is a 404 listing the names: ${KPI_NAMES.join(', ')}.`,
      request: { params: KpiNameParams, query: StoredKpiQuery },
      responses: { 200: ok(StoredKpiSchema, 'The KPI, the inputs used and the groups asked for'), ...errors(404) },
    }),
    async (c) => {
      const { name } = c.req.valid('param');
      if (!(KPI_NAMES as readonly string[]).includes(name)) {
        throw new AppError('NOT_FOUND', `No KPI named “${name}”. Known KPIs: all, ${KPI_NAMES.join(', ')}`);
      }
      const kpi = name as KpiName;
      const r = await compute(deps, c.get('caller'), c.req.valid('query'), [kpi]);
      const result = (g: StoredGroup) => g.results[kpi] as NonNullable<StoredGroup['results'][KpiName]>;
      return c.json(
        {
          name: kpi,
          ...result(r.total),
          filters: r.filters,
          groupBy: r.groupBy,
          inputs: r.total.inputs,
          groups: r.groups.map((g) => ({ key: g.key, ...result(g), inputs: g.inputs })),
        },
        200,
      );
    },
  );
}
