import { createRoute } from '@hono/zod-openapi';
import { calculateKpis, rounded } from '../../../shared/shop-floor/calculate.ts';
import { kpiCalculateInput } from '../../../shared/shop-floor/calculate-input.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import type { RestDeps } from '../context.ts';
import { errors, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { resourceApp } from '../resource-app.ts';
import { recomputeRoutes } from './recompute-routes.ts';
import { KpiCalculateSchema, KpiCalculationSchema } from './schemas.ts';
import { storedKpiRoutes } from './stored-routes.ts';

const tags = ['Shop-floor KPIs'];

/**
 * /api/kpi: the shop-floor pack's KPIs. POST /calculate applies the same
 * formulas as everything else in the pack to the records it is given, with
 * nothing stored. Any member may call it. GET /all and GET /{name} compute
 * them over stored entries (stored-routes.ts); POST /recompute rebuilds the
 * stored rollups of a range (recompute-routes.ts).
 */
export function shopFloorKpiRoutes(deps: RestDeps) {
  const app = resourceApp(deps);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/calculate',
      tags,
      ...sessionOrKey,
      summary: 'Calculate shop-floor KPIs',
      description:
        'Availability, performance, quality, OEE, efficiency, technical efficiency, scrap and rework ratios, FPY, RTY, PPM, DPMO, on-time delivery, absenteeism, MTBF and MTTR over the records given (formulas: the README’s "Shop-floor KPIs"). Each KPI is its formula over the summed times and counts of all records, never a mean of percentages. Missing ideal cycle times, employee counts, shift lengths and opportunities are inferred (product configuration 1.0, the product’s history over 30 days 0.85, the default 0.5) and listed on each result that used them. A value above 100 % is returned with a warning, never capped; a zero denominator or a value nothing could infer gives null and a reason. Values are rounded to 2 decimals. Inconsistent records (more defective than produced, negative times, a shift over 24 h) get a 400 naming the field and row.',
      request: { body: jsonBody(KpiCalculateSchema) },
      responses: { 200: ok(KpiCalculationSchema, 'One result per KPI asked for'), ...errors(415) },
    }),
    (c) => {
      const input = parseOrThrow(kpiCalculateInput, c.req.valid('json'), ['body']);
      return c.json(rounded(calculateKpis(input, Date.now())), 200);
    },
  );
  // Before GET /{name}: /recompute/{id} is not a KPI name.
  recomputeRoutes(app, deps);
  storedKpiRoutes(app, deps);
  return app;
}
