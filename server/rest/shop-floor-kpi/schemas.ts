import { z } from '@hono/zod-openapi';
import { CONFIDENCE, HISTORY_DAYS, INFERABLE_FIELDS, INFERENCE_SOURCES } from '../../../shared/shop-floor/inference.ts';
import { KPI_NAMES, KPI_UNIT_NAMES } from '../../../shared/shop-floor/kpi-names.ts';
import { MINUTES_PER_DAY } from '../../../shared/shop-floor/shift.ts';

/**
 * The shop-floor KPI JSON of /api/kpi. The request schema checks shape only
 * and documents the fields; the rules (bounds, counts that must add up,
 * shifts of at most 24 h) are shared/shop-floor/calculate-input.ts', which
 * the route applies next. tests/unit/shop-floor/calculate-schemas.test.ts
 * keeps the two field for field.
 */

const number = (label: string) => z.number({ error: `${label} must be a number` });
const text = (label: string) => z.string({ error: `${label} must be text` });
const list = <T extends z.ZodType>(item: T, label: string) => z.array(item, { error: `${label} must be a list` });
const minutes = (label: string, description: string) =>
  number(label).openapi({ minimum: 0, maximum: MINUTES_PER_DAY, description });
const count = (label: string, description?: string) => number(label).openapi({ minimum: 0, description });
const instant = (label: string, description: string) =>
  text(label).openapi({
    description: `${description}: a date (the whole day, UTC) or a date-time with its zone`,
    example: '2026-03-31',
  });
const inferred = (description: string) => ({
  idealCycleSeconds: number('idealCycleSeconds').optional().openapi({ exclusiveMinimum: 0, description }),
  employees: number('employees').optional().openapi({ exclusiveMinimum: 0 }),
  shiftHours: number('shiftHours').optional().openapi({ exclusiveMinimum: 0, maximum: 24 }),
});

const ProductionSchema = z
  .object({
    line: text('line').optional(),
    product: text('product').optional().openapi({ description: 'The product (style) that inference looks up' }),
    plannedMinutes: minutes(
      'plannedMinutes',
      'Planned production time: the shift minus breaks, meals and time with nothing to make',
    ),
    runMinutes: minutes('runMinutes', 'Default: plannedMinutes - downtimeMinutes').optional(),
    downtimeMinutes: minutes(
      'downtimeMinutes',
      'Stops within the planned time: breakdowns, set-ups, changeovers; default 0',
    ).optional(),
    delayMinutes: minutes('delayMinutes', 'Delay for technical efficiency; default downtimeMinutes').optional(),
    idealCycleSeconds: number('idealCycleSeconds')
      .nullable()
      .optional()
      .openapi({ exclusiveMinimum: 0, description: 'The fastest cycle per unit; null or absent: inferred' }),
    totalCount: count('totalCount', 'Units produced, good or not'),
    goodCount: count('goodCount', 'Good the first time; default totalCount - scrapCount - reworkCount').optional(),
    scrapCount: count('scrapCount').optional(),
    reworkCount: count('reworkCount').optional(),
    employees: number('employees').nullable().optional().openapi({ minimum: 0, description: 'null or absent: inferred' }),
    shiftHours: number('shiftHours')
      .nullable()
      .optional()
      .openapi({ exclusiveMinimum: 0, maximum: 24, description: 'Default: shiftStart to shiftEnd; else inferred' }),
    shiftStart: text('shiftStart').optional().openapi({ description: 'HH:MM', example: '22:00' }),
    shiftEnd: text('shiftEnd')
      .optional()
      .openapi({ description: 'HH:MM; at or before shiftStart: the next day', example: '06:00' }),
  })
  .openapi('ShopFloorProduction', { description: 'One shift of one line' });

const InspectionSchema = z.object({
  inspected: count('inspected'),
  defective: count('defective', 'Units with at least one defect (PPM)').optional(),
  defects: count('defects', 'Defects counted (DPMO)').optional(),
  opportunitiesPerUnit: number('opportunitiesPerUnit')
    .optional()
    .openapi({ exclusiveMinimum: 0, description: 'Default: defaults.opportunitiesPerUnit' }),
  passedFirstTime: count('passedFirstTime', 'Units good without rework (FPY)').optional(),
});

/** The request example of the OpenAPI document (oee.com's worked example as line L1); a unit test checks the rules accept it. */
export const CALCULATE_EXAMPLE = {
  kpis: ['availability', 'performance', 'quality', 'oee', 'efficiency', 'dpmo'],
  production: [
    {
      line: 'L1',
      product: 'Bracket',
      plannedMinutes: 420,
      downtimeMinutes: 47,
      idealCycleSeconds: 1,
      totalCount: 19271,
      scrapCount: 423,
    },
    {
      line: 'L2',
      product: 'Housing',
      plannedMinutes: 450,
      totalCount: 380,
      employees: 2,
      shiftStart: '22:00',
      shiftEnd: '06:00',
    },
  ],
  products: [{ product: 'Bracket', employees: 3, shiftHours: 8 }],
  history: [{ product: 'Housing', date: '2026-03-20', idealCycleSeconds: 66 }],
  defaults: { idealCycleSeconds: 60, opportunitiesPerUnit: 4 },
  inspections: [{ inspected: 500, defects: 12 }],
  asOf: '2026-03-31',
};

export const KpiCalculateSchema = z
  .object({
    kpis: list(text('A KPI name').openapi({ enum: KPI_NAMES }), 'kpis')
      .optional()
      .openapi({ description: 'The KPIs to calculate; default all' }),
    production: list(ProductionSchema, 'production').optional(),
    products: list(
      z.object({ product: text('product'), ...inferred('The product’s configured ideal cycle time (confidence 1.0)') }),
      'products',
    ).optional(),
    history: list(
      z.object({
        product: text('product'),
        date: instant('date', 'When the values were seen'),
        ...inferred(`Seen in a past run; the median over the ${HISTORY_DAYS} days up to asOf is used (confidence 0.85)`),
      }),
      'history',
    ).optional(),
    defaults: z
      .object({
        ...inferred('The organization’s default (confidence 0.5)'),
        opportunitiesPerUnit: number('opportunitiesPerUnit').optional().openapi({ exclusiveMinimum: 0 }),
      })
      .optional(),
    inspections: list(InspectionSchema, 'inspections').optional(),
    steps: list(z.object({ unitsIn: count('unitsIn'), goodFirstPass: count('goodFirstPass') }), 'steps')
      .optional()
      .openapi({ description: 'The process steps in order (RTY)' }),
    orders: list(
      z.object({
        dueAt: instant('dueAt', 'Due'),
        shippedAt: instant('shippedAt', 'Shipped').nullable().optional(),
        complete: z.boolean({ error: 'complete must be true or false' }),
      }),
      'orders',
    ).optional(),
    asOf: instant('asOf', 'Orders due by then count for OTD; history is read up to then. Default: now').optional(),
    attendance: list(
      z.object({ scheduledHours: count('scheduledHours'), absentHours: count('absentHours') }),
      'attendance',
    ).optional(),
    equipment: list(
      z.object({
        operatingHours: count('operatingHours'),
        failures: count('failures', 'A whole number'),
        repairHours: count('repairHours').optional(),
      }),
      'equipment',
    ).optional(),
  })
  .openapi('ShopFloorKpiCalculation', { example: CALCULATE_EXAMPLE });

export const InferredSchema = z
  .object({
    field: z.enum(INFERABLE_FIELDS),
    source: z.enum(INFERENCE_SOURCES).openapi({
      description: `product: the product’s configuration; history: its median over ${HISTORY_DAYS} days; default: the organization’s`,
    }),
    confidence: z.number().openapi({
      description: Object.entries(CONFIDENCE)
        .map(([s, c]) => `${s} ${c}`)
        .join(', '),
    }),
    value: z.number(),
    product: z.string().optional(),
    rows: z.array(z.number()).openapi({ description: 'Indexes into production (into inspections for opportunitiesPerUnit)' }),
  })
  .openapi('ShopFloorInferred');

export const KpiResultSchema = z
  .object({
    value: z.number().nullable().openapi({ description: 'Rounded to 2 decimals; null: see reason' }),
    unit: z.enum(KPI_UNIT_NAMES),
    reason: z.string().optional().openapi({ description: 'Why value is null: a zero denominator or a missing input' }),
    warnings: z.array(z.string()).openapi({ description: 'For example a value above 100 %, which is never capped' }),
    inferred: z.array(InferredSchema).openapi({ description: 'The inferred values the formula used' }),
  })
  .openapi('ShopFloorKpiResult');

export const KpiCalculationSchema = z
  .object({ results: z.object(Object.fromEntries(KPI_NAMES.map((name) => [name, KpiResultSchema.optional()]))) })
  .openapi('ShopFloorKpiResults', { description: 'One result per KPI asked for' });
