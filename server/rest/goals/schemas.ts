import { z } from '@hono/zod-openapi';
import { GOAL_KPIS_MAX, GOAL_STATUSES, GOAL_TITLE_MAX } from '../../../shared/goal-fields.ts';
import { GOAL_PACES } from '../../../shared/goals.ts';
import { VALUE_LIMIT } from '../../../shared/numbers.ts';
import type { Goal, GoalKpi } from '../../../sync/schema.ts';
import { restFields } from '../issues.ts';
import { definedOnly, iso } from '../json.ts';

/** Goal JSON and request shapes; the rules are shared/goal-fields.ts', applied by the goal mutators. */

const GoalKpiSchema = z
  .object({
    kpiId: z.string({ error: 'kpiId must be a KPI id' }),
    weight: z.number({ error: 'Weight must be a number' }).openapi({ minimum: 0, maximum: VALUE_LIMIT, example: 2 }),
  })
  .openapi('GoalKpi');

/** The goal mutators' fields under their REST names: a KPI link's kpiID (in `kpis`). */
export const goalRestFields = restFields({ kpiID: 'kpiId' });

export const GoalSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    targetDate: z.string().openapi({ format: 'date', example: '2025-12-31' }),
    status: z.enum(GOAL_STATUSES),
    progress: z
      .number()
      .nullable()
      .openapi({ minimum: 0, maximum: 1, description: 'Weighted mean of the KPIs’ progress (0..1); null without KPIs' }),
    pace: z.enum(GOAL_PACES),
    kpis: z.array(GoalKpiSchema),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
    archived: z.boolean(),
  })
  .openapi('Goal');

const goalFields = {
  title: z.string({ error: 'Title must be text' }).openapi({ minLength: 1, maxLength: GOAL_TITLE_MAX, example: 'Grow ARR 20%' }),
  description: z.string({ error: 'Description must be text' }).openapi({ maxLength: 2000 }),
  targetDate: z.iso.date({ error: 'Target date must be a date, YYYY-MM-DD' }).openapi({ example: '2025-12-31' }),
  status: z.enum(GOAL_STATUSES, { error: `Status must be one of ${GOAL_STATUSES.join(', ')}` }),
  kpis: z
    .array(GoalKpiSchema, { error: 'kpis must be a list of {kpiId, weight}' })
    .openapi({ maxItems: GOAL_KPIS_MAX, description: 'The KPIs the goal tracks, each with its weight (each KPI once)' }),
};

export const GoalCreateSchema = z
  .object({
    title: goalFields.title,
    targetDate: goalFields.targetDate,
    description: goalFields.description.optional().openapi({ default: '' }),
    status: goalFields.status.optional().openapi({ default: 'active' }),
    kpis: goalFields.kpis.optional().openapi({ default: [] }),
  })
  .openapi('GoalCreate');

export const GoalUpdateSchema = z
  .object(goalFields)
  .partial()
  .extend({
    archived: z
      .boolean({ error: 'archived must be true or false' })
      .optional()
      .openapi({ description: '`true` archives the goal, `false` restores an archived one' }),
  })
  .openapi('GoalUpdate');

export const GoalListQuery = z.object({
  archived: z
    .enum(['false', 'true', 'all'], { error: 'archived must be "false", "true" or "all"' })
    .default('false')
    .openapi({ param: { name: 'archived', in: 'query' } }),
  status: z
    .enum(GOAL_STATUSES, { error: `status must be one of ${GOAL_STATUSES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
});

/** REST fields to the goal mutators' arguments; absent fields stay absent. */
export function goalArgs(body: z.infer<typeof GoalUpdateSchema>) {
  const { targetDate, kpis, archived: _archived, ...same } = body;
  return definedOnly({
    ...same,
    targetDate: targetDate === undefined ? undefined : Date.parse(targetDate),
    kpis: kpis?.map((k) => ({ kpiID: k.kpiId, weight: k.weight })),
  });
}

export function goalJson(g: Goal & { readonly goalKpis: readonly GoalKpi[] }): z.infer<typeof GoalSchema> {
  return {
    id: g.id,
    title: g.title,
    description: g.description,
    targetDate: iso(g.targetDate).slice(0, 10),
    status: g.status,
    progress: g.progress ?? null,
    pace: g.pace,
    kpis: g.goalKpis.map((l) => ({ kpiId: l.kpiID, weight: l.weight })),
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
    archived: g.archivedAt !== null && g.archivedAt !== undefined,
  };
}
