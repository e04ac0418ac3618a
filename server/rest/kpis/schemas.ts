import { z } from '@hono/zod-openapi';
import { HEALTH_CATEGORIES } from '../../../shared/customer-success/categories.ts';
import {
  DATA_SOURCES,
  DEFAULT_CATEGORIES,
  DEFAULT_UNITS,
  DIRECTIONS,
  FREQUENCIES,
  KPI_CATEGORY_MAX,
  KPI_DESCRIPTION_MAX,
  KPI_NAME_MAX,
  KPI_UNIT_MAX,
  NOTE_MAX,
} from '../../../shared/kpi.ts';
import { VALUE_LIMIT } from '../../../shared/numbers.ts';
import type { DataPoint, Insight, Kpi } from '../../../sync/schema.ts';
import { restFields } from '../issues.ts';
import { iso } from '../json.ts';
import { isoDateTime, limitQuery, timeBound } from '../openapi.ts';

/**
 * The KPI, record and insight JSON of the REST API (the seeds' names: title,
 * targetValue, ...). Request schemas check shape only; the rules (lengths,
 * bounds, the target rule, the organization's units and categories) are the shared
 * schemas', applied by the mutators, and documented here with the same limits.
 */
export const KPI_STATUSES = ['active', 'archived'] as const;

/** The KPI mutators' fields under their REST names, for the refusals they send back. */
export const kpiRestFields = restFields({
  name: ['title', 'Title'],
  target: ['targetValue', 'Target value'],
  ownerID: 'ownerId',
  accountID: 'accountId',
  kpiID: 'kpiId',
});

/** The record (data point) mutators' fields under their REST names. */
export const recordRestFields = restFields({ kpiID: 'kpiId' });

const text = (label: string) => z.string({ error: `${label} must be text` });
const number = (label: string) => z.number({ error: `${label} must be a number` });
const nullableId = (label: string) => z.string({ error: `${label} must be an id or null` }).nullable();

export const KpiSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    targetValue: z.number(),
    currentValue: z.number().nullable().openapi({ description: 'The latest record’s value; null before the first record' }),
    unit: z.string(),
    category: z.string(),
    direction: z.enum(DIRECTIONS).openapi({ description: 'Whether higher or lower values are better' }),
    frequency: z.enum(FREQUENCIES),
    ownerId: z.string().nullable(),
    accountId: z.string().nullable(),
    healthCategory: z
      .enum(HEALTH_CATEGORIES)
      .nullable()
      .openapi({ description: 'The account health category the KPI counts towards; null for none' }),
    weight: z.number().openapi({ description: 'Its weight within the health category (relative)' }),
    status: z.enum(KPI_STATUSES),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Kpi');

const kpiFields = {
  title: text('Title').openapi({ minLength: 1, maxLength: KPI_NAME_MAX, example: 'Monthly recurring revenue' }),
  targetValue: number('Target value').openapi({
    minimum: 0,
    maximum: VALUE_LIMIT,
    description: 'Above 0; 0 only when `direction` is "lower" (for example, no safety incidents)',
    example: 50000,
  }),
  unit: text('Unit').openapi({
    maxLength: KPI_UNIT_MAX,
    description: `One of the organization’s units: ${DEFAULT_UNITS.map((u) => JSON.stringify(u)).join(', ')} or one its admins added`,
    example: '$',
  }),
  description: text('Description').openapi({ maxLength: KPI_DESCRIPTION_MAX }),
  category: text('Category').openapi({
    maxLength: KPI_CATEGORY_MAX,
    description: `One of the organization’s categories: ${DEFAULT_CATEGORIES.join(', ')} or one its admins added`,
    example: 'revenue',
  }),
  direction: z.enum(DIRECTIONS, { error: 'Direction must be "higher" or "lower"' }),
  frequency: z.enum(FREQUENCIES, { error: `Frequency must be one of ${FREQUENCIES.join(', ')}` }),
  ownerId: nullableId('Owner').openapi({ description: 'A member of the organization; default: the caller' }),
  accountId: nullableId('Account').openapi({ description: 'One of the organization’s accounts (GET /api/accounts)' }),
  healthCategory: text('Health category')
    .nullable()
    .openapi({ enum: [...HEALTH_CATEGORIES], description: 'The account health category the KPI counts towards' }),
  weight: number('Weight').openapi({ minimum: 0, maximum: VALUE_LIMIT, description: 'Relative weight in its category' }),
};

export const KpiCreateSchema = z
  .object({
    title: kpiFields.title,
    targetValue: kpiFields.targetValue,
    unit: kpiFields.unit,
    description: kpiFields.description.optional().openapi({ default: '' }),
    category: kpiFields.category.optional().openapi({ default: 'general' }),
    direction: kpiFields.direction.optional().openapi({ default: 'higher' }),
    frequency: kpiFields.frequency.optional().openapi({ default: 'monthly' }),
    ownerId: kpiFields.ownerId.optional(),
    accountId: kpiFields.accountId.optional(),
    healthCategory: kpiFields.healthCategory.optional().openapi({ default: null }),
    weight: kpiFields.weight.optional().openapi({ default: 1 }),
  })
  .openapi('KpiCreate');

export const KpiUpdateSchema = z
  .object(kpiFields)
  .partial()
  .extend({
    status: z
      .enum(KPI_STATUSES, { error: 'Status must be "active" or "archived"' })
      .optional()
      .openapi({ description: '"archived" archives the KPI; "active" restores an archived one' }),
  })
  .openapi('KpiUpdate');

export const KpiListQuery = z.object({
  status: z
    .enum([...KPI_STATUSES, 'all'], { error: 'Status must be "active", "archived" or "all"' })
    .default('active')
    .openapi({ param: { name: 'status', in: 'query' } }),
  category: z
    .string()
    .optional()
    .openapi({ param: { name: 'category', in: 'query' }, example: 'revenue' }),
  q: z
    .string()
    .max(KPI_NAME_MAX)
    .optional()
    .openapi({ param: { name: 'q', in: 'query' }, description: 'Case-insensitive search in the title' }),
});

export const RecordSchema = z
  .object({
    id: z.string(),
    kpiId: z.string(),
    value: z.number(),
    recordedAt: z.string().openapi({ format: 'date-time' }),
    source: z.enum(DATA_SOURCES),
    note: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Record');

export const RecordCreateSchema = z
  .object({
    value: number('Value').openapi({ minimum: -VALUE_LIMIT, maximum: VALUE_LIMIT, example: 42150 }),
    recordedAt: isoDateTime('Time').optional().openapi({ description: 'When the value was measured; default: now' }),
    note: text('Note').optional().openapi({ maxLength: NOTE_MAX }),
  })
  .openapi('RecordCreate');

export const RECORDS_MAX = 1000;
export const RecordListQuery = z.object({
  limit: limitQuery(RECORDS_MAX, 100),
  from: timeBound('from', 'Only records at or after this time'),
  to: timeBound('to', 'Only records at or before this time'),
});

export const InsightSchema = z
  .object({
    id: z.string(),
    kpiId: z.string(),
    summary: z.string(),
    trend: z.string(),
    confidence: z.number().openapi({ minimum: 0, maximum: 1 }),
    narrator: z.enum(['ai', 'rules']),
    generatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Insight');

export const INSIGHTS_MAX = 100;
export const InsightListQuery = z.object({
  limit: limitQuery(INSIGHTS_MAX, 20),
});

export function kpiJson(k: Kpi): z.infer<typeof KpiSchema> {
  return {
    id: k.id,
    title: k.name,
    description: k.description,
    targetValue: k.target,
    currentValue: k.currentValue ?? null,
    unit: k.unit,
    category: k.category,
    direction: k.direction,
    frequency: k.frequency,
    ownerId: k.ownerID ?? null,
    accountId: k.accountID ?? null,
    healthCategory: (k.healthCategory ?? null) as z.infer<typeof KpiSchema>['healthCategory'],
    weight: k.weight,
    status: k.archivedAt === null || k.archivedAt === undefined ? 'active' : 'archived',
    createdAt: iso(k.createdAt),
    updatedAt: iso(k.updatedAt),
  };
}

export function recordJson(p: DataPoint): z.infer<typeof RecordSchema> {
  return {
    id: p.id,
    kpiId: p.kpiID,
    value: p.value,
    recordedAt: iso(p.recordedAt),
    source: p.source,
    note: p.note,
    createdBy: p.createdBy ?? null,
    createdAt: iso(p.createdAt),
  };
}

export function insightJson(i: Insight): z.infer<typeof InsightSchema> {
  return {
    id: i.id,
    kpiId: i.kpiID,
    summary: i.summary,
    trend: i.trend,
    confidence: i.confidence,
    narrator: i.narrator,
    generatedAt: iso(i.generatedAt),
  };
}
