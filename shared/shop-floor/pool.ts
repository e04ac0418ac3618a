import type { KpiCalculateInput } from './calculate-input.ts';
import { instantOf } from './instants.ts';
import type { InspectionRecord, ShiftRecord } from './records.ts';

/**
 * Records summed into totals, the only thing the KPI formulas read: a KPI
 * over several shifts, days, lines or products is its formula over the
 * summed times and counts, never a mean of the records' percentages (a short
 * shift must not weigh as much as a long one).
 */

/** A part and the whole it is a part of, summed over the `rows` records that report the part. */
export interface Share {
  part: number;
  whole: number;
  rows: number;
}

export interface ProductionTotals {
  rows: number;
  plannedMinutes: number;
  runMinutes: number;
  delayMinutes: number;
  totalCount: number;
  goodCount: number;
  scrap: Share;
  rework: Share;
  /** Σ ideal cycle time × total count, in minutes (rows with units whose ideal cycle time is known). */
  idealMinutes: number;
  /** Σ employees × shift hours (rows that have both). */
  staffHours: number;
  /** The rows (indexes) that lack a value a KPI needs; a row with no units needs no ideal cycle time. */
  missing: { idealCycleSeconds: number[]; employees: number[]; shiftHours: number[] };
}

export interface InspectionTotals {
  rows: number;
  /** Passed first time of inspected, over the rows that report passedFirstTime. */
  firstPass: Share;
  /** Defective of inspected, over the rows that report defective. */
  defective: Share;
  /** Defects of opportunities (inspected × opportunities per unit), over the rows that report defects. */
  defects: Share & { missing: number[] };
}

export interface OrderTotals {
  /** Orders due by asOf. */
  due: number;
  /** Of those: complete and shipped on or before their due time. */
  onTime: number;
  /** Of those: complete but with no ship date, so not counted on time. */
  completeUnshipped: number;
}

export interface AttendanceTotals {
  rows: number;
  scheduledHours: number;
  absentHours: number;
}

export interface EquipmentTotals {
  rows: number;
  operatingHours: number;
  failures: number;
  /** Repair hours of failures, over the rows that report repairHours. */
  repair: Share;
}

const share = (): Share => ({ part: 0, whole: 0, rows: 0 });
function add(s: Share, part: number | null | undefined, whole: number) {
  if (part == null) return;
  s.part += part;
  s.whole += whole;
  s.rows += 1;
}

export function poolProduction(records: readonly ShiftRecord[]): ProductionTotals {
  const t: ProductionTotals = {
    rows: records.length,
    plannedMinutes: 0,
    runMinutes: 0,
    delayMinutes: 0,
    totalCount: 0,
    goodCount: 0,
    scrap: share(),
    rework: share(),
    idealMinutes: 0,
    staffHours: 0,
    missing: { idealCycleSeconds: [], employees: [], shiftHours: [] },
  };
  records.forEach((r, i) => {
    t.plannedMinutes += r.plannedMinutes;
    t.runMinutes += r.runMinutes;
    t.delayMinutes += r.delayMinutes;
    t.totalCount += r.totalCount;
    t.goodCount += r.goodCount;
    add(t.scrap, r.scrapCount, r.totalCount);
    add(t.rework, r.reworkCount, r.totalCount);
    if (r.idealCycleSeconds !== null) t.idealMinutes += (r.idealCycleSeconds * r.totalCount) / 60;
    else if (r.totalCount > 0) t.missing.idealCycleSeconds.push(i);
    if (r.employees === null) t.missing.employees.push(i);
    if (r.shiftHours === null) t.missing.shiftHours.push(i);
    if (r.employees !== null && r.shiftHours !== null) t.staffHours += r.employees * r.shiftHours;
  });
  return t;
}

export function poolInspections(records: readonly InspectionRecord[]): InspectionTotals {
  const t: InspectionTotals = {
    rows: records.length,
    firstPass: share(),
    defective: share(),
    defects: { ...share(), missing: [] },
  };
  records.forEach((r, i) => {
    add(t.firstPass, r.passedFirstTime, r.inspected);
    add(t.defective, r.defective, r.inspected);
    if (r.defects === undefined) return;
    if (r.opportunitiesPerUnit === null) t.defects.missing.push(i);
    else add(t.defects, r.defects, r.inspected * r.opportunitiesPerUnit);
  });
  return t;
}

/** Orders due by `asOf` (epoch ms); a date without a time is due at the end of that day. */
export function poolOrders(orders: KpiCalculateInput['orders'], asOf: number): OrderTotals {
  const t: OrderTotals = { due: 0, onTime: 0, completeUnshipped: 0 };
  for (const o of orders) {
    const due = instantOf(o.dueAt, true) as number;
    if (due > asOf) continue;
    t.due += 1;
    if (!o.complete) continue;
    const shipped = o.shippedAt == null ? null : (instantOf(o.shippedAt) as number);
    if (shipped === null) t.completeUnshipped += 1;
    else if (shipped <= due) t.onTime += 1;
  }
  return t;
}

export function poolAttendance(rows: KpiCalculateInput['attendance']): AttendanceTotals {
  return {
    rows: rows.length,
    scheduledHours: rows.reduce((s, r) => s + r.scheduledHours, 0),
    absentHours: rows.reduce((s, r) => s + r.absentHours, 0),
  };
}

export function poolEquipment(rows: KpiCalculateInput['equipment']): EquipmentTotals {
  const t: EquipmentTotals = { rows: rows.length, operatingHours: 0, failures: 0, repair: share() };
  for (const r of rows) {
    t.operatingHours += r.operatingHours;
    t.failures += r.failures;
    add(t.repair, r.repairHours, r.failures);
  }
  return t;
}
