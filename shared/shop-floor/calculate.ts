import type { KpiCalculateInput } from './calculate-input.ts';
import { type InferableField, type Inferred, inferenceChain } from './inference.ts';
import { instantOf } from './instants.ts';
import { KPI_NAMES, KPI_UNITS, type KpiName, type KpiUnit } from './kpi-names.ts';
import { KPI_FORMULAS, type Totals } from './kpis.ts';
import { poolAttendance, poolEquipment, poolInspections, poolOrders, poolProduction } from './pool.ts';
import { type RecordInference, resolveInspections, resolveProduction } from './records.ts';

/** One inferred value and the records it was filled into (indexes into production; into inspections for opportunitiesPerUnit). */
export interface InferredValue extends Inferred {
  product?: string;
  rows: number[];
}

export interface KpiResult {
  value: number | null;
  unit: KpiUnit;
  reason?: string;
  warnings: string[];
  inferred: InferredValue[];
}

export interface KpiCalculation {
  results: Partial<Record<KpiName, KpiResult>>;
}

/** The inferable values each KPI's formula reads; the others read none. */
const USES: Partial<Record<KpiName, readonly InferableField[]>> = {
  performance: ['idealCycleSeconds'],
  oee: ['idealCycleSeconds'],
  efficiency: ['idealCycleSeconds', 'employees', 'shiftHours'],
  dpmo: ['opportunitiesPerUnit'],
};

/** Record inferences merged per field, source, value and product, in first-seen order. */
function grouped(entries: readonly RecordInference[]): InferredValue[] {
  const groups = new Map<string, InferredValue>();
  for (const { row, ...e } of entries) {
    const key = JSON.stringify([e.field, e.source, e.value, e.product ?? null]);
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { ...e, rows: [row] });
  }
  return [...groups.values()];
}

/**
 * The KPIs named in `input.kpis` (all when absent) over the records given,
 * with nothing stored: defaults and inference fill the records
 * (records.ts), the records are summed (pool.ts), each KPI's formula runs
 * over the sums (kpis.ts). Each result lists the inferred values its
 * formula used. `now` (epoch ms) stands in for a missing asOf.
 */
export function calculateKpis(input: KpiCalculateInput, now: number): KpiCalculation {
  const asOf = input.asOf === undefined ? now : (instantOf(input.asOf, true) as number);
  const infer = inferenceChain({ products: input.products, history: input.history, defaults: input.defaults, asOf });
  const production = resolveProduction(input.production, infer);
  const inspections = resolveInspections(input.inspections, infer);
  const totals: Totals = {
    production: poolProduction(production.records),
    inspections: poolInspections(inspections.records),
    steps: input.steps,
    orders: poolOrders(input.orders, asOf),
    attendance: poolAttendance(input.attendance),
    equipment: poolEquipment(input.equipment),
  };
  const inferred = grouped([...production.inferred, ...inspections.inferred]);
  const result = (name: KpiName): KpiResult => {
    const { value, reason, warnings } = KPI_FORMULAS[name](totals);
    const uses = USES[name] ?? [];
    return {
      value,
      unit: KPI_UNITS[name],
      ...(reason === undefined ? {} : { reason }),
      warnings,
      inferred: inferred.filter((i) => uses.includes(i.field)),
    };
  };
  return { results: Object.fromEntries((input.kpis ?? KPI_NAMES).map((name) => [name, result(name)])) };
}

/** The calculation with every value rounded to 2 decimals, for the HTTP response (never for computing with). */
export function rounded(calc: KpiCalculation): KpiCalculation {
  const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
  return {
    results: Object.fromEntries(Object.entries(calc.results).map(([name, r]) => [name, { ...r, value: round(r.value) }])),
  };
}
