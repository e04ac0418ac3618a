import type { KpiCalculateInput, ProductionInput } from './calculate-input.ts';
import type { Infer, InferableField, Inferred } from './inference.ts';
import { shiftSpanHours } from './shift.ts';

/** A production row (one shift) with every default applied: what pooling sums. */
export interface ShiftRecord {
  plannedMinutes: number;
  runMinutes: number;
  delayMinutes: number;
  totalCount: number;
  goodCount: number;
  /** null: the row does not say, so it counts in neither part of the scrap (rework) ratio. */
  scrapCount: number | null;
  reworkCount: number | null;
  /** null: not given and no source to infer it from. */
  idealCycleSeconds: number | null;
  employees: number | null;
  shiftHours: number | null;
}

/** An inspection with its opportunities per unit known, or null. */
export type InspectionRecord = Omit<KpiCalculateInput['inspections'][number], 'opportunitiesPerUnit'> & {
  opportunitiesPerUnit: number | null;
};

/** A value inference filled into one record; `row` indexes the list the record came from. */
export interface RecordInference extends Inferred {
  row: number;
  product?: string;
}

/** The record's own value, else the chain's (noted in `inferred`), else null. */
function filled(
  own: number | null | undefined,
  field: InferableField,
  where: { row: number; product?: string | undefined },
  infer: Infer,
  inferred: RecordInference[],
): number | null {
  if (own != null) return own;
  const found = infer(field, where.product);
  if (found === null) return null;
  inferred.push(
    where.product === undefined ? { ...found, row: where.row } : { ...found, row: where.row, product: where.product },
  );
  return found.value;
}

/**
 * Production rows with their defaults applied:
 * - runMinutes: plannedMinutes - downtimeMinutes (no downtime: plannedMinutes);
 * - delayMinutes: downtimeMinutes (none: 0);
 * - goodCount: totalCount - scrapCount - reworkCount (each absent: 0);
 * - shiftHours: the span from shiftStart to shiftEnd (overnight included);
 * - idealCycleSeconds, employees and shiftHours still missing: the inference chain's.
 */
export function resolveProduction(rows: readonly ProductionInput[], infer: Infer) {
  const inferred: RecordInference[] = [];
  const records = rows.map((r, row): ShiftRecord => {
    const where = { row, product: r.product };
    const span = r.shiftStart && r.shiftEnd ? shiftSpanHours(r.shiftStart, r.shiftEnd) : null;
    return {
      plannedMinutes: r.plannedMinutes,
      runMinutes: r.runMinutes ?? r.plannedMinutes - (r.downtimeMinutes ?? 0),
      delayMinutes: r.delayMinutes ?? r.downtimeMinutes ?? 0,
      totalCount: r.totalCount,
      goodCount: r.goodCount ?? r.totalCount - (r.scrapCount ?? 0) - (r.reworkCount ?? 0),
      scrapCount: r.scrapCount ?? null,
      reworkCount: r.reworkCount ?? null,
      idealCycleSeconds: filled(r.idealCycleSeconds, 'idealCycleSeconds', where, infer, inferred),
      employees: filled(r.employees, 'employees', where, infer, inferred),
      shiftHours: filled(r.shiftHours ?? span, 'shiftHours', where, infer, inferred),
    };
  });
  return { records, inferred };
}

/** Inspections with opportunities per unit from the row, else the chain (only the default applies: inspections name no product). */
export function resolveInspections(rows: KpiCalculateInput['inspections'], infer: Infer) {
  const inferred: RecordInference[] = [];
  const records = rows.map(
    (r, row): InspectionRecord => ({
      ...r,
      // Only a row that counts defects needs its opportunities.
      opportunitiesPerUnit:
        r.defects === undefined
          ? (r.opportunitiesPerUnit ?? null)
          : filled(r.opportunitiesPerUnit, 'opportunitiesPerUnit', { row }, infer, inferred),
    }),
  );
  return { records, inferred };
}
