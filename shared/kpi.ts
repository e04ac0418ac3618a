import { z } from 'zod';
import { HEALTH_CATEGORIES } from './customer-success/categories.ts';
import { boundedNumber } from './numbers.ts';
import { idSchema } from './validation.ts';

/** Field rules for KPIs and data points, shared by the forms, the mutators and the REST API. */
export const KPI_NAME_MAX = 100;
export const KPI_UNIT_MAX = 20;
export const KPI_CATEGORY_MAX = 40;
export const KPI_DESCRIPTION_MAX = 2000;
export const NOTE_MAX = 500;

/** The predefined lists; an organization's admins may add to them (kpi_option rows). */
export const DEFAULT_UNITS = [
  '',
  '$',
  '€',
  '£',
  '%',
  'users',
  'count',
  'score',
  'hours',
  'days',
  'minutes',
  'ms',
  'items',
  'orders',
] as const;
export const DEFAULT_CATEGORIES = [
  'revenue',
  'growth',
  'engagement',
  'retention',
  'satisfaction',
  'quality',
  'operations',
  'support',
  'finance',
  'general',
] as const;
export const DIRECTIONS = ['higher', 'lower'] as const;
export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
/** 'upload': written by a confirmed Excel KPI upload or its rollback (customer success, 015_cs_kpi_uploads.sql). */
export const DATA_SOURCES = ['manual', 'integration', 'import', 'upload'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type DataSource = (typeof DATA_SOURCES)[number];

/** The target rule's one message, for a negative target and for 0 where higher is better. */
const TARGET_RULE = 'Target must be a positive number (or 0 when lower is better)';

/**
 * A target of 0 makes sense only where lower is better ("no safety
 * incidents"); where higher is better there would be nothing to reach.
 * Checked with both fields known: on a new KPI, and on an edit against the
 * stored KPI (an edit may change either field alone).
 */
export function targetIssue(target: number, direction: Direction): string | undefined {
  return target === 0 && direction !== 'lower' ? TARGET_RULE : undefined;
}

export const kpiFields = {
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required')
    .max(KPI_NAME_MAX, `Name must be at most ${KPI_NAME_MAX} characters`),
  description: z
    .string({ error: 'Description must be text' })
    .trim()
    .max(KPI_DESCRIPTION_MAX, `Description must be at most ${KPI_DESCRIPTION_MAX} characters`),
  unit: z.string({ error: 'Unit must be text' }).trim().max(KPI_UNIT_MAX, `Unit must be at most ${KPI_UNIT_MAX} characters`),
  category: z
    .string({ error: 'Category must be text' })
    .trim()
    .min(1, 'Category is required')
    .max(KPI_CATEGORY_MAX, `Category must be at most ${KPI_CATEGORY_MAX} characters`),
  target: boundedNumber('Target').refine((n) => n >= 0, TARGET_RULE),
  direction: z.enum(DIRECTIONS, { error: 'Direction must be "higher" or "lower"' }),
  frequency: z.enum(FREQUENCIES, { error: `Frequency must be one of ${FREQUENCIES.join(', ')}` }),
  ownerID: idSchema.nullable(),
  accountID: idSchema.nullable(),
  /** The account health category the KPI counts towards, if any. */
  healthCategory: z
    .enum(HEALTH_CATEGORIES, { error: `Health category must be one of ${HEALTH_CATEGORIES.join(', ')}` })
    .nullable(),
  /** Its weight within that category (relative; need not sum to 1). */
  weight: boundedNumber('Weight').refine((n) => n >= 0, 'Weight cannot be negative'),
};

/** A new KPI's fields: name, unit and target are asked for; the rest has defaults. */
export const kpiInputFields = {
  name: kpiFields.name,
  unit: kpiFields.unit,
  target: kpiFields.target,
  description: kpiFields.description.default(''),
  category: kpiFields.category.default('general'),
  direction: kpiFields.direction.default('higher'),
  frequency: kpiFields.frequency.default('monthly'),
  ownerID: kpiFields.ownerID.default(null),
  accountID: kpiFields.accountID.default(null),
  healthCategory: kpiFields.healthCategory.default(null),
  weight: kpiFields.weight.default(1),
};

/**
 * Adds the target rule (targetIssue) to a schema of a whole KPI, reported on
 * `target`. It runs even when other fields are bad, so every bad field is
 * named at once, but only once target and direction themselves are valid.
 */
export function withTargetRule<S extends z.ZodType<{ target: number; direction: Direction }>>(schema: S) {
  return schema.refine((kpi) => !targetIssue(kpi.target, kpi.direction), {
    message: TARGET_RULE,
    path: ['target'],
    when: ({ issues }) => !issues.some((i) => i.path?.[0] === 'target' || i.path?.[0] === 'direction'),
  });
}

/** A new KPI: name, unit and target are asked for; the rest has defaults. */
export const kpiInput = withTargetRule(z.object(kpiInputFields));
export type KpiInput = z.infer<typeof kpiInput>;

/** An edit: any subset of the fields. */
export const kpiPatch = z.object(kpiFields).partial();
export type KpiPatch = z.infer<typeof kpiPatch>;

/** Points may be back-dated freely, but not dated more than a day ahead (clock skew). */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;
export const dataPointFields = {
  value: boundedNumber('Value'),
  recordedAt: z
    .number({ error: 'Time must be a number' })
    .refine((t) => t > Date.UTC(1970, 0, 2), 'Time must be a real date')
    .refine((t) => t <= Date.now() + FUTURE_SLACK_MS, 'Time cannot be in the future'),
  note: z.string({ error: 'Note must be text' }).trim().max(NOTE_MAX, `Note must be at most ${NOTE_MAX} characters`),
};
export const dataPointInput = z.object({
  value: dataPointFields.value,
  recordedAt: dataPointFields.recordedAt.optional(),
  note: dataPointFields.note.default(''),
});
export type DataPointInput = z.infer<typeof dataPointInput>;
export const dataPointPatch = z.object(dataPointFields).partial();

/** Whether a unit or category is in the predefined list or the organization's additions. */
export function isListed(value: string, defaults: readonly string[], extra: readonly string[]): boolean {
  return defaults.includes(value) || extra.includes(value);
}
