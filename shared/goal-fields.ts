import { z } from 'zod';
import { boundedNumber } from './numbers.ts';
import { idSchema } from './validation.ts';

/** Field rules for goals, shared by the forms, the mutators and the REST API. */
export const GOAL_TITLE_MAX = 100;
export const GOAL_KPIS_MAX = 50;
export const GOAL_STATUSES = ['active', 'completed', 'paused'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const goalWeight = boundedNumber('Weight').refine((w) => w >= 0, 'Weight cannot be negative');

/**
 * A goal's KPI list with `weight` as the rule for each weight: the shared
 * rule for the mutators, a text-reading one (numberText) in the goal form.
 */
export function goalKpiList<W extends z.ZodType<number, unknown>>(weight: W) {
  return z
    .array(z.object({ kpiID: idSchema, weight }))
    .max(GOAL_KPIS_MAX, `A goal can have at most ${GOAL_KPIS_MAX} KPIs`)
    .refine((items) => new Set(items.map((i) => i.kpiID)).size === items.length, 'Each KPI can appear once in a goal');
}

export const goalFields = {
  title: z
    .string({ error: 'Title is required' })
    .trim()
    .min(1, 'Title is required')
    .max(GOAL_TITLE_MAX, `Title must be at most ${GOAL_TITLE_MAX} characters`),
  description: z.string({ error: 'Description must be text' }).trim().max(2000, 'Description must be at most 2000 characters'),
  /** Epoch ms of the target day (UTC midnight). */
  targetDate: z
    .number({ error: 'Target date is required' })
    .refine(Number.isFinite, 'Target date must be a date')
    .transform((t) => {
      const d = new Date(t);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    }),
  status: z.enum(GOAL_STATUSES, { error: `Status must be one of ${GOAL_STATUSES.join(', ')}` }),
  kpis: goalKpiList(goalWeight),
};

export const goalInput = z.object({
  title: goalFields.title,
  description: goalFields.description.default(''),
  targetDate: goalFields.targetDate,
  status: goalFields.status.default('active'),
  kpis: goalFields.kpis.default([]),
});
export type GoalInput = z.infer<typeof goalInput>;
export const goalPatch = z.object(goalFields).partial();
export type GoalPatch = z.infer<typeof goalPatch>;
