import type { TransactionSql } from 'postgres';
import { type InferredValue, type KpiCalculation, type KpiResult, rounded } from '../../shared/shop-floor/calculate.ts';
import { HISTORY_DAYS } from '../../shared/shop-floor/inference.ts';
import { DAY_MS } from '../../shared/shop-floor/instants.ts';
import type { KpiName } from '../../shared/shop-floor/kpi-names.ts';
import {
  groupRollups,
  type RollupGrouping,
  type RollupRow,
  type RollupSums,
  rollupHistory,
  rollupKpis,
  sumRollups,
} from '../../shared/shop-floor/rollup-kpis.ts';

/**
 * KPIs over stored entries, through the rollups (migration 019): the rows
 * of the range and filters (through app_shift_rollups, which checks the
 * caller may read them once, not per row), the organization's products, the 30 days of
 * history before asOf for products with no ideal cycle time, the work
 * orders due in the range (OTD) and the attendance (absenteeism), read
 * under the caller's row-level security, then shared/shop-floor/rollup-kpis.ts.
 */

/** Filters already resolved to the organization's ids; days as 'YYYY-MM-DD', both included. */
export interface StoredKpiQuery {
  orgID: string;
  from: string;
  to: string;
  lineID?: string | undefined;
  productID?: string | undefined;
  shiftID?: string | undefined;
  groupBy: RollupGrouping;
  kpis?: readonly KpiName[];
  /** Epoch ms: the clock (asOf is the earlier of it and the end of `to`). */
  now: number;
}

/** What stored KPIs were computed from, beyond the rollup sums. */
export interface StoredInputs extends RollupSums {
  ordersDue: number;
  attendanceRecords: number;
  scheduledHours: number;
  absentHours: number;
}

/** An inferred value with how many stored entries it was filled into (production entries; quality entries for opportunities). */
export type StoredInferred = Omit<InferredValue, 'rows'> & { entries: number };
export type StoredResult = Omit<KpiResult, 'inferred'> & { inferred: StoredInferred[] };

export interface StoredGroup {
  key: string;
  inputs: StoredInputs;
  results: Partial<Record<KpiName, StoredResult>>;
}

/** Each inferred value's records (indexes into `members`) as the number of entries they hold. */
function withEntries(results: KpiCalculation['results'], members: readonly RollupRow[]): StoredGroup['results'] {
  const entries = (field: string, rows: readonly number[]) =>
    rows.reduce((n, i) => {
      const r = members[i] as RollupRow;
      return n + (field === 'opportunitiesPerUnit' ? r.qualityEntries : r.productionEntries);
    }, 0);
  return Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      { ...r, inferred: r.inferred.map(({ rows, ...i }) => ({ ...i, entries: entries(i.field, rows) })) },
    ]),
  );
}

export interface StoredKpis {
  asOf: number;
  total: StoredGroup;
  groups: StoredGroup[];
}

/** A work order due in the range: when, whether shipped and complete, and what it names (to group by). */
interface DueOrder {
  due: string;
  shipped: string | null;
  complete: boolean;
  productID: string | null;
  lineIDs: string[];
}
/** Attendance summed per shift and day. */
interface Attendance {
  day: string;
  shiftID: string;
  records: number;
  scheduled: number;
  absent: number;
}

const SUMMED = {
  productionEntries: 'production_entries',
  unitsProduced: 'units_produced',
  unitsDefective: 'units_defective',
  runHours: 'run_hours',
  plannedMinutes: 'planned_minutes',
  shiftMinutes: 'shift_minutes',
  employeesAssigned: 'employees_assigned',
  employeeMinutes: 'employee_minutes',
  qualityEntries: 'quality_entries',
  inspected: 'inspected',
  scrap: 'scrap',
  rework: 'rework',
  defects: 'defects',
  plannedStops: 'planned_stops',
  plannedDowntimeMinutes: 'planned_downtime_minutes',
  unplannedStops: 'unplanned_stops',
  unplannedDowntimeMinutes: 'unplanned_downtime_minutes',
} as const;
const SUMS_SQL = Object.entries(SUMMED)
  .map(([name, column]) => `sum(${column})::float8 AS "${name}"`)
  .join(', ');

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Rollup rows summed per line, product and shift (and day, `byDay`), with how many rollup rows each holds. */
type SummedRow = RollupRow & { rollupRows: number };

/**
 * The rollups of the range and filters, summed in Postgres per line, product
 * and shift (per day too with `byDay`): each such sum is still one line's
 * product in one shift, so the KPIs come out the same as over the rows, and
 * three months of a line are a few dozen records, not a thousand.
 */
function rollupRows(
  tx: TransactionSql,
  q: StoredKpiQuery,
  range: { from: string; to: string; byDay: boolean; products?: string[] },
) {
  return tx.unsafe<SummedRow[]>(
    `SELECT line_id AS "lineID", product_id AS "productID", shift_id AS "shiftID",
            (min(shift_date) - DATE '1970-01-01')::float8 * ${DAY_MS} AS "shiftDate", count(*)::int AS "rollupRows", ${SUMS_SQL}
       FROM app_shift_rollups($1, $2::date, $3::date, $4::text, $5::text, $6::text, $7::text[])
      GROUP BY line_id, product_id, shift_id${range.byDay ? ', shift_date' : ''}
      ORDER BY min(shift_date), line_id, product_id NULLS FIRST, shift_id NULLS FIRST`,
    [q.orgID, range.from, range.to, q.lineID ?? null, q.productID ?? null, q.shiftID ?? null, range.products ?? null] as never[],
  );
}

/** Orders due in the range (planned ship date), of the product and with a job on the line when those are asked for. */
function dueOrders(tx: TransactionSql, q: StoredKpiQuery) {
  return tx<DueOrder[]>`
    SELECT to_char(w.planned_ship_date, 'YYYY-MM-DD') AS due, to_char(w.actual_ship_date, 'YYYY-MM-DD') AS shipped,
           w.status = 'COMPLETED' AS complete, w.product_id AS "productID",
           coalesce(array_agg(DISTINCT j.line_id) FILTER (WHERE j.line_id IS NOT NULL), '{}') AS "lineIDs"
      FROM sf_work_order w LEFT JOIN sf_job j ON j.organization_id = w.organization_id AND j.work_order_id = w.id
     WHERE w.organization_id = ${q.orgID} AND w.planned_ship_date BETWEEN ${q.from}::date AND ${q.to}::date
       AND (${q.productID ?? null}::text IS NULL OR w.product_id = ${q.productID ?? null})
     GROUP BY w.id`;
}

function attendance(tx: TransactionSql, q: StoredKpiQuery) {
  return tx<Attendance[]>`
    SELECT to_char(shift_date, 'YYYY-MM-DD') AS day, shift_id AS "shiftID", count(*)::int AS records,
           sum(scheduled_hours) AS scheduled, sum(absent_hours) AS absent
      FROM sf_attendance_entry
     WHERE organization_id = ${q.orgID} AND shift_date BETWEEN ${q.from}::date AND ${q.to}::date
       AND (${q.shiftID ?? null}::text IS NULL OR shift_id = ${q.shiftID ?? null})
     GROUP BY shift_date, shift_id`;
}

/** Which orders and attendance a group covers: attendance names no line or product, so those groups take all of it. */
const inGroup: Record<
  RollupGrouping,
  { order: (o: DueOrder, key: string) => boolean; attendance: (a: Attendance, key: string) => boolean }
> = {
  total: { order: () => true, attendance: () => true },
  line: { order: (o, key) => o.lineIDs.includes(key), attendance: () => true },
  product: { order: (o, key) => (o.productID ?? '') === key, attendance: () => true },
  shift: { order: () => false, attendance: (a, key) => a.shiftID === key },
  day: { order: (o, key) => o.due === key, attendance: (a, key) => a.day === key },
};

export async function storedKpis(tx: TransactionSql, q: StoredKpiQuery): Promise<StoredKpis> {
  const asOf = Math.min(q.now, Date.parse(q.to) + DAY_MS - 1);
  const [rows, products, orders, present] = await Promise.all([
    rollupRows(tx, q, { from: q.from, to: q.to, byDay: q.groupBy === 'day' }),
    tx<{ id: string; idealCycleSeconds: number | null }[]>`
      SELECT id, ideal_cycle_seconds AS "idealCycleSeconds" FROM sf_product WHERE organization_id = ${q.orgID}`,
    dueOrders(tx, q),
    attendance(tx, q),
  ]);
  const lineOrders = q.lineID === undefined ? orders : orders.filter((o) => o.lineIDs.includes(q.lineID as string));
  // History only for the products that need it: those with units and no configured ideal cycle time.
  const configured = new Set(products.filter((p) => p.idealCycleSeconds !== null).map((p) => p.id));
  const unconfigured = [...new Set(rows.flatMap((r) => (r.productID && !configured.has(r.productID) ? [r.productID] : [])))];
  const past =
    unconfigured.length === 0
      ? []
      : await rollupRows(
          tx,
          { ...q, lineID: undefined, productID: undefined, shiftID: undefined },
          { from: day(asOf - HISTORY_DAYS * DAY_MS), to: day(asOf), byDay: true, products: unconfigured },
        );
  const history = rollupHistory(past);
  const group = (key: string, members: readonly SummedRow[], by: RollupGrouping): StoredGroup => {
    const os = lineOrders.filter((o) => inGroup[by].order(o, key));
    const as = present.filter((a) => inGroup[by].attendance(a, key));
    const calc = rollupKpis(members, {
      products,
      history,
      asOf,
      orders: os.map((o) => ({ dueAt: o.due, shippedAt: o.shipped, complete: o.complete })),
      attendance: as.map((a) => ({ scheduledHours: a.scheduled, absentHours: a.absent })),
      ...(q.kpis === undefined ? {} : { kpis: q.kpis }),
    });
    return {
      key,
      inputs: {
        ...sumRollups(members),
        rows: members.reduce((n, r) => n + r.rollupRows, 0),
        ordersDue: os.length,
        attendanceRecords: as.reduce((s, a) => s + a.records, 0),
        scheduledHours: as.reduce((s, a) => s + a.scheduled, 0),
        absentHours: as.reduce((s, a) => s + a.absent, 0),
      },
      results: withEntries(rounded(calc).results, members),
    };
  };
  const groups =
    q.groupBy === 'total'
      ? []
      : [...groupRollups(rows, q.groupBy)].map(([key, members]) => group(key, members as SummedRow[], q.groupBy));
  return { asOf, total: group('total', rows, 'total'), groups };
}
