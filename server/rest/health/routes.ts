import { createRoute, z } from '@hono/zod-openapi';
import { rounded, scoreHealth } from '../../../shared/health/health.ts';
import { healthInput } from '../../../shared/health/input.ts';
import { BAND_NAMES } from '../../../shared/health/ranges.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { addRescoreRoutes } from '../account-health/routes.ts';
import type { RestDeps } from '../context.ts';
import { errors, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { resourceApp } from '../resource-app.ts';

const tags = ['Health'];

const BandSchema = z.object({ min: z.number(), max: z.number() }).openapi('Band');
const RangeSchema = z
  .object({ higherIsBetter: z.boolean(), critical: BandSchema, risk: BandSchema, healthy: BandSchema })
  .openapi('ReferenceRange', {
    description:
      'Three bands that tile one interval, worst to best in the KPI’s direction: with higher-is-better critical.max = risk.min and risk.max = healthy.min; with lower-is-better healthy.max = risk.min and risk.max = critical.min.',
  });

/** The request as documented; the shared rules (shared/health/input.ts) check it and name every bad field. */
const CalculateSchema = z
  .object({
    categoryWeights: z.record(z.string(), z.number()).openapi({
      example: {
        'Relationship Strength': 0.2,
        'Adoption & Engagement': 0.25,
        'Support & Experience': 0.2,
        'Product Value': 0.2,
        'Business Outcomes': 0.15,
      },
    }),
    kpis: z.array(
      z.object({
        name: z.string().openapi({ example: 'NPS Score' }),
        category: z.string().openapi({ description: 'One of the keys of categoryWeights', example: 'Relationship Strength' }),
        value: z.number().nullable().openapi({ description: 'null: not scored (counts in totalKpis only)' }),
        weight: z.number().optional().openapi({ description: 'Within its category; default 1' }),
        range: RangeSchema.nullable().openapi({ description: 'null: not scored' }),
      }),
    ),
  })
  .openapi('HealthCalculation');

const HealthSchema = z
  .object({
    overall: z.number().nullable().openapi({ description: 'null when no KPI could be scored (never 0 for that)' }),
    categories: z.array(z.object({ name: z.string(), score: z.number().nullable(), weight: z.number(), validKpis: z.number() })),
    kpis: z.array(z.object({ name: z.string(), status: z.enum(BAND_NAMES).nullable(), score: z.number().nullable() })),
    totalKpis: z.number(),
    validKpis: z.number(),
  })
  .openapi('Health');

/**
 * /api/health: scores what it is given with the same functions as the
 * stored health, with no stored data involved. Any member may call it.
 */
export function healthRoutes(deps: RestDeps) {
  const app = resourceApp(deps);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/calculate',
      tags,
      ...sessionOrKey,
      summary: 'Calculate a health score',
      description:
        'Status: the band holding the value (a shared edge belongs to the better band; beyond the outer edges, the outer band). KPI score: linear inside its band from its worst to its best edge (critical 0-50, risk 50-75, healthy 75-100), clamped beyond. Category score: the scored KPIs’ mean weighted by their weights. Overall: the category scores weighted by the category weights, renormalized over the categories that have one. Scores are rounded to 2 decimals.',
      request: { body: jsonBody(CalculateSchema) },
      responses: { 200: ok(HealthSchema, 'The scores'), ...errors(415) },
    }),
    (c) => {
      const input = parseOrThrow(healthInput, c.req.valid('json'), ['body']);
      return c.json(rounded(scoreHealth(input)), 200);
    },
  );
  // POST /rescore and GET /rescore/{id} (live health).
  addRescoreRoutes(app, deps);
  return app;
}
