import { z } from 'zod';
import { boundedNumber } from '../numbers.ts';
import { INSTANT_HINT, instantOf } from './instants.ts';
import { KPI_NAMES } from './kpi-names.ts';
import { clockMinutes, MAX_SHIFT_HOURS, MINUTES_PER_DAY, shiftSpanHours } from './shift.ts';

export const KPI_ROWS_MAX = 10_000;
export const PRODUCT_NAME_MAX = 100;

const amount = (label: string) => boundedNumber(label).min(0, `${label} cannot be negative`);
const positive = (label: string) => boundedNumber(label).positive(`${label} must be above 0`);
/** A time of one production row, which is one shift. */
const shiftMinutes = (label: string) =>
  amount(label).max(MINUTES_PER_DAY, `${label} cannot exceed ${MINUTES_PER_DAY} (24 h): a production row is one shift`);
const shiftHours = (label: string) =>
  boundedNumber(label)
    .positive(`${label} must be above 0`)
    .max(MAX_SHIFT_HOURS, `${label} cannot exceed ${MAX_SHIFT_HOURS}: a shift is at most 24 h`);
const name = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} cannot be empty`)
    .max(PRODUCT_NAME_MAX, `${label} must be at most ${PRODUCT_NAME_MAX} characters`);
const clock = (label: string) =>
  z
    .string({ error: `${label} must be a time such as "22:00"` })
    .refine((t) => clockMinutes(t) !== null, `${label} must be HH:MM on a 24-hour clock, e.g. "22:00"`);
const instant = (label: string) =>
  z
    .string({ error: `${label} must be ${INSTANT_HINT}` })
    .refine((t) => instantOf(t) !== null, `${label} must be ${INSTANT_HINT}`);
const rows = <T extends z.ZodType>(item: T, label: string) =>
  z
    .array(item, { error: `${label} must be a list` })
    .max(KPI_ROWS_MAX, `${label} may hold at most ${KPI_ROWS_MAX} rows`)
    .default([]);
/** Cross-field checks run once each field is valid on its own, so a bad field gets one message, not two. */
const fieldsValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };
const issue = (ctx: z.RefinementCtx, path: (string | number)[], message: string) =>
  ctx.addIssue({ code: 'custom', path, message });
/** Refuses a record's `part` above its `whole` (more defective than inspected), naming both with their values. */
function notAbove<R extends object>(ctx: z.RefinementCtx, r: R, part: keyof R & string, whole: keyof R & string) {
  const p = r[part];
  const w = r[whole];
  if (typeof p === 'number' && typeof w === 'number' && p > w) issue(ctx, [part], `${part} (${p}) exceeds ${whole} (${w})`);
}

/** The values inference may fill in, as a product's configuration, its history or the defaults give them. */
const inferable = {
  idealCycleSeconds: positive('idealCycleSeconds').optional(),
  employees: positive('employees').optional(),
  shiftHours: shiftHours('shiftHours').optional(),
};

const production = z
  .object({
    line: name('line').optional(),
    product: name('product').optional(),
    plannedMinutes: shiftMinutes('plannedMinutes'),
    runMinutes: shiftMinutes('runMinutes').optional(),
    downtimeMinutes: shiftMinutes('downtimeMinutes').optional(),
    delayMinutes: shiftMinutes('delayMinutes').optional(),
    // null, like leaving it out, asks the inference chain for it.
    idealCycleSeconds: positive('idealCycleSeconds').nullish(),
    totalCount: amount('totalCount'),
    goodCount: amount('goodCount').optional(),
    scrapCount: amount('scrapCount').optional(),
    reworkCount: amount('reworkCount').optional(),
    employees: amount('employees').nullish(),
    shiftHours: shiftHours('shiftHours').nullish(),
    shiftStart: clock('shiftStart').optional(),
    shiftEnd: clock('shiftEnd').optional(),
  })
  .superRefine((r, ctx) => {
    notAbove(ctx, r, 'downtimeMinutes', 'plannedMinutes');
    const parts = (['goodCount', 'scrapCount', 'reworkCount'] as const).filter((k) => r[k] !== undefined);
    const counted = parts.reduce((sum, k) => sum + (r[k] ?? 0), 0);
    if (counted > r.totalCount) {
      issue(ctx, ['totalCount'], `totalCount (${r.totalCount}) is below ${parts.join(' + ')} (${counted})`);
    }
    if ((r.shiftStart === undefined) !== (r.shiftEnd === undefined)) {
      const missing = r.shiftStart === undefined ? 'shiftStart' : 'shiftEnd';
      issue(ctx, [missing], `${missing} is required with ${missing === 'shiftStart' ? 'shiftEnd' : 'shiftStart'}`);
    }
    const span = r.shiftStart && r.shiftEnd ? shiftSpanHours(r.shiftStart, r.shiftEnd) : null;
    // Half a minute of slack: 7.33 h for 07:00-14:20 is the same shift.
    if (span !== null && r.shiftHours != null && Math.abs(span - r.shiftHours) > 1 / 120) {
      issue(
        ctx,
        ['shiftHours'],
        `shiftHours (${r.shiftHours}) disagrees with ${r.shiftStart}-${r.shiftEnd} (${Math.round(span * 100) / 100} h)`,
      );
    }
  }, fieldsValid);

const inspection = z
  .object({
    inspected: amount('inspected'),
    defective: amount('defective').optional(),
    defects: amount('defects').optional(),
    opportunitiesPerUnit: positive('opportunitiesPerUnit').optional(),
    passedFirstTime: amount('passedFirstTime').optional(),
  })
  .superRefine((r, ctx) => {
    notAbove(ctx, r, 'defective', 'inspected');
    notAbove(ctx, r, 'passedFirstTime', 'inspected');
  }, fieldsValid);

const step = z
  .object({ unitsIn: amount('unitsIn'), goodFirstPass: amount('goodFirstPass') })
  .superRefine((r, ctx) => notAbove(ctx, r, 'goodFirstPass', 'unitsIn'), fieldsValid);

const order = z.object({
  dueAt: instant('dueAt'),
  shippedAt: instant('shippedAt').nullish(),
  complete: z.boolean({ error: 'complete must be true or false' }),
});

const attendance = z
  .object({ scheduledHours: amount('scheduledHours'), absentHours: amount('absentHours') })
  .superRefine((r, ctx) => notAbove(ctx, r, 'absentHours', 'scheduledHours'), fieldsValid);

const equipment = z.object({
  operatingHours: amount('operatingHours'),
  failures: amount('failures').int('failures must be a whole number'),
  repairHours: amount('repairHours').optional(),
});

/**
 * What POST /api/kpi/calculate takes: records of shifts, inspections,
 * process steps, orders, attendance and equipment, each list optional (a KPI
 * whose records are missing is null with a reason), and what inference may
 * draw on. Every refusal names its field; the row is in its location.
 * Inconsistent counts (more defective than produced or inspected) are
 * refused; a KPI above 100 % is not (it is flagged: shared/shop-floor/kpis.ts).
 */
export const kpiCalculateInput = z
  .object({
    kpis: z
      .array(z.enum(KPI_NAMES, { error: (i) => `Unknown KPI ${JSON.stringify(i.input)}; known: ${KPI_NAMES.join(', ')}` }), {
        error: 'kpis must be a list of KPI names',
      })
      .optional(),
    production: rows(production, 'production'),
    products: rows(z.object({ product: name('product'), ...inferable }), 'products'),
    history: rows(z.object({ product: name('product'), date: instant('date'), ...inferable }), 'history'),
    defaults: z
      .object(
        { ...inferable, opportunitiesPerUnit: positive('opportunitiesPerUnit').optional() },
        {
          error: 'defaults must be an object',
        },
      )
      .default({}),
    inspections: rows(inspection, 'inspections'),
    steps: rows(step, 'steps'),
    orders: rows(order, 'orders'),
    asOf: instant('asOf').optional(),
    attendance: rows(attendance, 'attendance'),
    equipment: rows(equipment, 'equipment'),
  })
  .superRefine((d, ctx) => {
    const seen = new Map<string, number>();
    d.products.forEach((p, i) => {
      const first = seen.get(p.product);
      if (first === undefined) seen.set(p.product, i);
      else issue(ctx, ['products', i, 'product'], `Product "${p.product}" is configured twice (also products[${first}])`);
    });
    d.inspections.forEach((r, i) => {
      const opportunities = r.opportunitiesPerUnit ?? d.defaults.opportunitiesPerUnit;
      if (r.defects !== undefined && opportunities !== undefined && r.defects > r.inspected * opportunities) {
        issue(
          ctx,
          ['inspections', i, 'defects'],
          `defects (${r.defects}) exceed inspected × opportunitiesPerUnit (${r.inspected * opportunities})`,
        );
      }
    });
  }, fieldsValid);

export type KpiCalculateInput = z.infer<typeof kpiCalculateInput>;
export type ProductionInput = KpiCalculateInput['production'][number];
