import { calculateKpis, type InferredValue, type KpiCalculation, type KpiResult } from './calculate.ts';
import type { KpiCalculateInput, ProductionInput } from './calculate-input.ts';
import type { InferenceSources } from './inference.ts';
import type { KpiName } from './kpi-names.ts';

/**
 * KPIs over the stored per-shift rollups (sf_shift_rollup, migration 019):
 * each rollup row (one line, product, shift and shift date, sums only)
 * becomes one record of POST /api/kpi/calculate's input, and the same
 * function (calculate.ts: inference, pooling, formulas) computes the KPIs,
 * so a KPI over any grouping (a shift, a day, a line, everything) is its
 * formula over summed times and counts, never a mean of percentages.
 *
 * How a row reads as records:
 * - production: plannedMinutes and runMinutes (run hours) as summed; delay:
 *   its unplanned downtime; good = produced − defective; scrap and rework
 *   only on rows with quality entries; employees = Σ assigned and
 *   shiftHours = the shift's span (so employees × shiftHours = Σ employee-
 *   hours); the ideal cycle time is never on a row: the chain fills it
 *   (the product's configuration 1.0, its 30-day history 0.85, the default
 *   0.5), as for an entry, and each result lists what it used. Rows of
 *   entries with no shift have no planned time and no span: their shift
 *   hours come from the chain, and availability warns about them.
 * - inspections: inspected; defective = scrap + rework; passed first time =
 *   inspected − scrap − rework; defects found (opportunities per unit from
 *   the defaults).
 * - equipment: run hours are operating hours, unplanned stops are failures
 *   and their minutes the repair time (MTBF, MTTR).
 * Orders (OTD) and attendance (absenteeism) are not per line: the caller
 * passes them. Stored entries record no process steps, so RTY has none.
 */

/** The sums of one rollup row, as Zero syncs it (sync/schema/shop-floor-rollups.ts) and the REST reads it. */
export interface RollupRow {
  lineID: string;
  productID?: string | null | undefined;
  shiftID?: string | null | undefined;
  /** Epoch ms at UTC midnight. */
  shiftDate: number;
  productionEntries: number;
  unitsProduced: number;
  unitsDefective: number;
  runHours: number;
  plannedMinutes: number;
  shiftMinutes: number;
  employeesAssigned: number;
  employeeMinutes: number;
  qualityEntries: number;
  inspected: number;
  scrap: number;
  rework: number;
  defects: number;
  plannedStops: number;
  plannedDowntimeMinutes: number;
  unplannedStops: number;
  unplannedDowntimeMinutes: number;
}

/** What the rows are computed against: master data and what inference may draw on. */
export interface RollupContext {
  /** The organization's products (ids) with their configured ideal cycle time, if any. */
  products: readonly { id: string; idealCycleSeconds?: number | null | undefined }[];
  /** Past values per product id (rollupHistory builds them from earlier rollups). */
  history?: InferenceSources['history'];
  defaults?: KpiCalculateInput['defaults'];
  /** Epoch ms: the history window ends here; orders due after it are not counted. */
  asOf: number;
  orders?: KpiCalculateInput['orders'];
  attendance?: KpiCalculateInput['attendance'];
  kpis?: readonly KpiName[];
}

/** The summed inputs of a set of rollup rows (what a KPI endpoint shows as "inputs used"). */
export type RollupSums = Omit<RollupRow, 'lineID' | 'productID' | 'shiftID' | 'shiftDate'> & { rows: number };

const SUMMED = [
  'productionEntries',
  'unitsProduced',
  'unitsDefective',
  'runHours',
  'plannedMinutes',
  'shiftMinutes',
  'employeesAssigned',
  'employeeMinutes',
  'qualityEntries',
  'inspected',
  'scrap',
  'rework',
  'defects',
  'plannedStops',
  'plannedDowntimeMinutes',
  'unplannedStops',
  'unplannedDowntimeMinutes',
] as const satisfies readonly (keyof RollupRow)[];

export function sumRollups(rows: readonly RollupRow[]): RollupSums {
  const sums = { rows: rows.length } as RollupSums;
  for (const key of SUMMED) sums[key] = rows.reduce((s, r) => s + r[key], 0);
  return sums;
}

const hasProduction = (r: RollupRow) => r.productionEntries > 0;
const hasStops = (r: RollupRow) => r.plannedStops + r.unplannedStops > 0;

/** One rollup row as a production record; undefined values are the chain's to fill. */
function productionRecord(r: RollupRow): ProductionInput {
  const produced = r.unitsProduced > 0;
  const shifted = r.shiftID != null && r.productionEntries > 0;
  return {
    ...(r.productID == null ? {} : { product: r.productID }),
    plannedMinutes: r.plannedMinutes,
    runMinutes: r.runHours * 60,
    delayMinutes: r.unplannedDowntimeMinutes,
    // No units, nothing to weigh: no cycle time is asked for.
    idealCycleSeconds: produced ? undefined : 0,
    totalCount: r.unitsProduced,
    goodCount: r.unitsProduced - r.unitsDefective,
    ...(r.qualityEntries > 0 ? { scrapCount: r.scrap, reworkCount: r.rework } : {}),
    // A row of stops only has no staff: nothing to infer.
    employees: hasProduction(r) ? r.employeesAssigned : 0,
    shiftHours: shifted ? r.shiftMinutes / r.productionEntries / 60 : hasProduction(r) ? undefined : 0,
  } as ProductionInput;
}

/** Maps record indexes back to the caller's row indexes. */
function reindexed(result: KpiResult, production: readonly number[], inspections: readonly number[]): KpiResult {
  const inferred = result.inferred.map(
    (i): InferredValue => ({
      ...i,
      rows: i.rows.map((row) => (i.field === 'opportunitiesPerUnit' ? inspections[row] : production[row]) as number),
    }),
  );
  return { ...result, inferred };
}

/** KPIs over rollup rows, pooled (the module's comment says how rows read). Inferred `rows` index `rows`. */
export function rollupKpis(rows: readonly RollupRow[], context: RollupContext): KpiCalculation {
  const productionRows = rows.flatMap((r, i) => (hasProduction(r) || hasStops(r) ? [i] : []));
  const inspectionRows = rows.flatMap((r, i) => (r.qualityEntries > 0 ? [i] : []));
  const equipment = productionRows.map((i) => rows[i] as RollupRow);
  const input: KpiCalculateInput = {
    ...(context.kpis === undefined ? {} : { kpis: [...context.kpis] }),
    production: productionRows.map((i) => productionRecord(rows[i] as RollupRow)),
    products: context.products.flatMap((p) =>
      p.idealCycleSeconds == null ? [] : [{ product: p.id, idealCycleSeconds: p.idealCycleSeconds }],
    ),
    history: [...(context.history ?? [])],
    defaults: context.defaults ?? {},
    inspections: inspectionRows.map((i) => {
      const r = rows[i] as RollupRow;
      return {
        inspected: r.inspected,
        defective: r.scrap + r.rework,
        defects: r.defects,
        passedFirstTime: r.inspected - r.scrap - r.rework,
      };
    }),
    steps: [],
    orders: [...(context.orders ?? [])],
    attendance: [...(context.attendance ?? [])],
    equipment:
      equipment.length === 0
        ? []
        : [
            {
              operatingHours: equipment.reduce((s, r) => s + r.runHours, 0),
              failures: equipment.reduce((s, r) => s + r.unplannedStops, 0),
              repairHours: equipment.reduce((s, r) => s + r.unplannedDowntimeMinutes, 0) / 60,
            },
          ],
  };
  const calc = calculateKpis(input, context.asOf);
  const unshifted = rows.filter((r) => r.shiftID == null).reduce((s, r) => s + r.productionEntries, 0);
  const results: KpiCalculation['results'] = {};
  for (const [name, result] of Object.entries(calc.results) as [KpiName, KpiResult][]) {
    let r = reindexed(result, productionRows, inspectionRows);
    if (unshifted > 0 && (name === 'availability' || name === 'oee') && r.value !== null) {
      const entries = unshifted === 1 ? '1 production entry names' : `${unshifted} production entries name`;
      r = { ...r, warnings: [...r.warnings, `${entries} no shift, so no planned time: their run time counts without it`] };
    }
    if (name === 'rty' && r.value === null)
      r = { ...r, reason: 'Stored entries record no process steps: RTY needs steps (POST /api/kpi/calculate takes them)' };
    results[name] = r;
  }
  return { results };
}

/** The groupings a caller may ask for; 'total' is one group of every row. */
export const ROLLUP_GROUPINGS = ['total', 'line', 'product', 'shift', 'day'] as const;
export type RollupGrouping = (typeof ROLLUP_GROUPINGS)[number];

const groupKey: Record<RollupGrouping, (r: RollupRow) => string> = {
  total: () => 'total',
  line: (r) => r.lineID,
  product: (r) => r.productID ?? '',
  shift: (r) => r.shiftID ?? '',
  day: (r) => new Date(r.shiftDate).toISOString().slice(0, 10),
};

/** Rows grouped by line, product, shift (id; '' for none), day ('YYYY-MM-DD') or all together, keys in first-seen order. */
export function groupRollups(rows: readonly RollupRow[], by: RollupGrouping): Map<string, RollupRow[]> {
  const groups = new Map<string, RollupRow[]>();
  for (const r of rows) {
    const key = groupKey[by](r);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/**
 * A product's history for the inference chain (which keeps the 30 days up
 * to asOf), from rollup rows: per product and day, the employees per entry, the
 * shift's length and the observed run seconds per unit (the pace it was made
 * at, standing in for a missing ideal cycle time at the history's 0.85).
 */
export function rollupHistory(rows: readonly RollupRow[]): InferenceSources['history'] {
  const history: { product: string; date: string; idealCycleSeconds?: number; employees?: number; shiftHours?: number }[] = [];
  for (const r of rows) {
    if (r.productID == null || r.productionEntries === 0) continue;
    const h: (typeof history)[number] = {
      product: r.productID,
      date: new Date(r.shiftDate).toISOString().slice(0, 10),
    };
    if (r.unitsProduced > 0 && r.runHours > 0) h.idealCycleSeconds = (r.runHours * 3600) / r.unitsProduced;
    if (r.employeesAssigned > 0) h.employees = r.employeesAssigned / r.productionEntries;
    if (r.shiftID != null) h.shiftHours = r.shiftMinutes / r.productionEntries / 60;
    history.push(h);
  }
  return history;
}
