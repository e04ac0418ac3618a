import { HISTORY_DAYS } from './inference.ts';
import type { KpiName } from './kpi-names.ts';
import type { AttendanceTotals, EquipmentTotals, InspectionTotals, OrderTotals, ProductionTotals, Share } from './pool.ts';

/**
 * The shop-floor KPI formulas over pooled totals (pool.ts), as the README's
 * "Shop-floor KPIs" table states them. Percentages are 0-100 and nothing is
 * rounded here. A value above 100 % is returned as it is, with a warning
 * saying what it suggests; a zero denominator, or inputs that are missing,
 * give null and a reason, never NaN, Infinity or 0.
 */
export interface KpiValue {
  value: number | null;
  reason?: string;
  warnings: string[];
}

export interface Totals {
  production: ProductionTotals;
  inspections: InspectionTotals;
  steps: readonly { unitsIn: number; goodFirstPass: number }[];
  orders: OrderTotals;
  attendance: AttendanceTotals;
  equipment: EquipmentTotals;
}

const none = (reason: string): KpiValue => ({ value: null, reason, warnings: [] });
const ratio = (part: number, whole: number, scale: number, whyZero: string): KpiValue =>
  whole > 0 ? { value: (part / whole) * scale, warnings: [] } : none(whyZero);
/** A share over the records that report its part: null when none does, or when their whole is 0. */
const shareRatio = (s: Share, scale: number, why: { unreported: string; zero: string }): KpiValue =>
  s.rows === 0 ? none(why.unreported) : ratio(s.part, s.whole, scale, why.zero);
/** Flags a percentage above 100 % with what it suggests; never caps it. */
const flagged = (v: KpiValue, suggests: string): KpiValue =>
  v.value !== null && v.value > 100 ? { ...v, warnings: [...v.warnings, `Above 100 %: ${suggests}`] } : v;

/** Up to five row locations, as a person would look them up: "production[2], production[7] and 3 more". */
export function rowList(list: string, rows: readonly number[]): string {
  const shown = rows
    .slice(0, 5)
    .map((i) => `${list}[${i}]`)
    .join(', ');
  return rows.length > 5 ? `${shown} and ${rows.length - 5} more` : shown;
}

const notFound = (what: string, field: string, rows: readonly number[]) =>
  `No ${what} for ${rowList('production', rows)}: not on the row, in products, in the product's history within ${HISTORY_DAYS} days before asOf, or in defaults.${field}`;

/** Runs `formula` over one kind of records, or says none were given. */
const over =
  <K extends 'production' | 'inspections' | 'attendance' | 'equipment'>(kind: K, formula: (t: Totals[K]) => KpiValue) =>
  (t: Totals): KpiValue =>
    t[kind].rows === 0 ? none(`No records in ${kind}`) : formula(t[kind]);

const availability = (p: ProductionTotals) =>
  flagged(
    ratio(p.runMinutes, p.plannedMinutes, 100, 'No planned production time (plannedMinutes sum to 0)'),
    'the run time exceeds the planned production time; check runMinutes against plannedMinutes',
  );

function performance(p: ProductionTotals): KpiValue {
  if (p.missing.idealCycleSeconds.length > 0)
    return none(notFound('ideal cycle time', 'idealCycleSeconds', p.missing.idealCycleSeconds));
  return flagged(
    ratio(p.idealMinutes, p.runMinutes, 100, 'No run time (runMinutes sum to 0)'),
    'more units than the ideal cycle time allows in the run time; the ideal cycle time is probably too slow (too long), or the run time understated',
  );
}

const quality = (p: ProductionTotals) => ratio(p.goodCount, p.totalCount, 100, 'No units produced (totalCount sums to 0)');

/** A × P × Q of the pooled factors; null with the first missing factor's reason. */
function oee(p: ProductionTotals): KpiValue {
  const factors = { availability: availability(p), performance: performance(p), quality: quality(p) };
  const missing = Object.entries(factors).find(([, f]) => f.value === null);
  if (missing) return none(`No ${missing[0]}: ${missing[1].reason}`);
  const value =
    ((factors.availability.value as number) * (factors.performance.value as number) * (factors.quality.value as number)) / 1e4;
  return flagged({ value, warnings: [] }, 'see the warnings on availability and performance');
}

function efficiency(p: ProductionTotals): KpiValue {
  if (p.missing.idealCycleSeconds.length > 0)
    return none(notFound('ideal cycle time', 'idealCycleSeconds', p.missing.idealCycleSeconds));
  if (p.missing.employees.length > 0) return none(notFound('employee count', 'employees', p.missing.employees));
  if (p.missing.shiftHours.length > 0) return none(notFound('shift length', 'shiftHours', p.missing.shiftHours));
  return flagged(
    ratio(p.idealMinutes / 60, p.staffHours, 100, 'No staffed hours (employees × shiftHours sum to 0)'),
    'more earned hours (units × ideal cycle time) than staffed hours; check the ideal cycle time, employees and shiftHours',
  );
}

const technicalEfficiency = (p: ProductionTotals) =>
  ratio(p.runMinutes, p.runMinutes + p.delayMinutes, 100, 'No run time and no delay (runMinutes and delayMinutes sum to 0)');

const partOfProduced = (s: Share, field: string) =>
  shareRatio(s, 100, {
    unreported: `No production record reports ${field}`,
    zero: `No units produced in the records that report ${field}`,
  });

const fpy = (i: InspectionTotals) =>
  shareRatio(i.firstPass, 100, {
    unreported: 'No inspection reports passedFirstTime',
    zero: 'Nothing inspected in the inspections that report passedFirstTime',
  });

const ppm = (i: InspectionTotals) =>
  shareRatio(i.defective, 1e6, {
    unreported: 'No inspection reports defective',
    zero: 'Nothing inspected in the inspections that report defective',
  });

function dpmo(i: InspectionTotals): KpiValue {
  if (i.defects.missing.length > 0) {
    return none(
      `No opportunities per unit for ${rowList('inspections', i.defects.missing)}: not on the row or in defaults.opportunitiesPerUnit`,
    );
  }
  return shareRatio(i.defects, 1e6, {
    unreported: 'No inspection reports defects',
    zero: 'No opportunities (inspected × opportunitiesPerUnit sum to 0)',
  });
}

/** The product of the steps' first-pass yields. */
function rty(steps: Totals['steps']): KpiValue {
  if (steps.length === 0) return none('No records in steps');
  const empty = steps.findIndex((s) => s.unitsIn === 0);
  if (empty >= 0) return none(`steps[${empty}] has no units in (unitsIn is 0), so its yield is not defined`);
  return { value: steps.reduce((y, s) => y * (s.goodFirstPass / s.unitsIn), 100), warnings: [] };
}

function otd(o: OrderTotals): KpiValue {
  const v = ratio(o.onTime, o.due, 100, 'No order due by asOf');
  if (o.completeUnshipped === 0) return v;
  const n = o.completeUnshipped;
  return {
    ...v,
    warnings: [`${n} of the orders due by asOf ${n === 1 ? 'is' : 'are'} complete with no shippedAt and counted as not on time`],
  };
}

const absenteeism = (a: AttendanceTotals) =>
  ratio(a.absentHours, a.scheduledHours, 100, 'No scheduled hours (scheduledHours sum to 0)');

const mtbf = (e: EquipmentTotals) =>
  ratio(
    e.operatingHours,
    e.failures,
    1,
    `No failures in ${e.operatingHours} operating hours, so there is no mean time between them`,
  );

const mttr = (e: EquipmentTotals) =>
  shareRatio(e.repair, 1, {
    unreported: 'No equipment record reports repairHours',
    zero: 'No failures in the equipment records that report repairHours',
  });

/** Each KPI's formula over the totals. */
export const KPI_FORMULAS: Record<KpiName, (t: Totals) => KpiValue> = {
  availability: over('production', availability),
  performance: over('production', performance),
  quality: over('production', quality),
  oee: over('production', oee),
  efficiency: over('production', efficiency),
  technicalEfficiency: over('production', technicalEfficiency),
  scrapRatio: over('production', (p) => partOfProduced(p.scrap, 'scrapCount')),
  reworkRatio: over('production', (p) => partOfProduced(p.rework, 'reworkCount')),
  fpy: over('inspections', fpy),
  rty: (t) => rty(t.steps),
  ppm: over('inspections', ppm),
  dpmo: over('inspections', dpmo),
  otd: (t) => otd(t.orders),
  absenteeism: over('attendance', absenteeism),
  mtbf: over('equipment', mtbf),
  mttr: over('equipment', mttr),
};
