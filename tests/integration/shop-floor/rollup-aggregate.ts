import type postgres from 'postgres';
import { plannedMinutes, type ShiftBreak, shiftSpanMinutes } from '../../../shared/shop-floor/shifts.ts';
import { JOB_DEADLINE_MS } from '../../helpers/deadlines.ts';
import { expectStatus, type RestAuth, rest } from '../../helpers/rest.ts';

/** The sums of a rollup row, by column. */
const SUMS = [
  'production_entries',
  'units_produced',
  'units_defective',
  'run_hours',
  'planned_minutes',
  'shift_minutes',
  'employees_assigned',
  'employee_minutes',
  'employees_present',
  'present_entries',
  'present_minutes',
  'quality_entries',
  'inspected',
  'scrap',
  'rework',
  'defects',
  'planned_stops',
  'planned_downtime_minutes',
  'unplanned_stops',
  'unplanned_downtime_minutes',
] as const;
type Sum = (typeof SUMS)[number];
export type Rollup = {
  id: string;
  line_id: string;
  product_id: string | null;
  shift_id: string | null;
  shift_date: string;
} & Record<Sum, number>;

/** Run hours are summed floats: compared to 6 decimals. */
const normal = (r: Rollup): Rollup => ({ ...r, run_hours: Math.round(r.run_hours * 1e6) / 1e6 });
const byID = (a: Rollup, b: Rollup) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The organization's stored rollups, sorted by id. */
export async function storedRollups(sql: postgres.Sql, orgID: string): Promise<Rollup[]> {
  const rows = await sql<Rollup[]>`
    SELECT id, line_id, product_id, shift_id, to_char(shift_date, 'YYYY-MM-DD') AS shift_date,
      ${sql.unsafe(SUMS.map((c) => `${c}::float8 AS ${c}`).join(', '))}
      FROM sf_shift_rollup WHERE organization_id = ${orgID}`;
  return rows.map((r) => normal({ ...r })).sort(byID);
}

/**
 * The rollups as they should be, aggregated here from the entry tables and
 * master data (planned minutes by shared/shop-floor/shifts.ts), independent
 * of the triggers' SQL.
 */
export async function freshRollups(sql: postgres.Sql, orgID: string): Promise<Rollup[]> {
  const shifts = new Map(
    (
      await sql<{ id: string; start_time: string; end_time: string; breaks: ShiftBreak[] }[]>`
        SELECT id, start_time, end_time, breaks FROM sf_shift WHERE organization_id = ${orgID}`
    ).map((s) => {
      const times = { start: s.start_time, end: s.end_time, breaks: s.breaks };
      return [s.id, { span: shiftSpanMinutes(times), planned: plannedMinutes(times) }];
    }),
  );
  const rows = new Map<string, Rollup>();
  const add = (
    key: { line_id: string; product_id: string | null; shift_id: string | null; shift_date: string },
    sums: Partial<Record<Sum, number>>,
  ) => {
    const id = [key.line_id, key.product_id ?? '', key.shift_id ?? '', key.shift_date].join('|');
    let row = rows.get(id);
    if (!row) {
      row = { id, ...key, ...(Object.fromEntries(SUMS.map((c) => [c, 0])) as Record<Sum, number>) };
      rows.set(id, row);
    }
    for (const [c, v] of Object.entries(sums) as [Sum, number][]) row[c] += v;
  };
  const production = await sql<
    {
      line_id: string;
      product_id: string | null;
      shift_id: string | null;
      shift_date: string;
      units_produced: number;
      units_defective: number;
      run_hours: number;
      employees_assigned: number;
      employees_present: number | null;
    }[]
  >`
    SELECT e.line_id, w.product_id, e.shift_id, to_char(e.shift_date, 'YYYY-MM-DD') AS shift_date, e.units_produced,
           e.units_defective, e.run_hours, e.employees_assigned, e.employees_present
      FROM sf_production_entry e JOIN sf_work_order w ON w.id = e.work_order_id WHERE e.organization_id = ${orgID}`;
  for (const { units_produced, units_defective, run_hours, employees_assigned, employees_present, ...key } of production) {
    const shift = key.shift_id === null ? { span: 0, planned: 0 } : (shifts.get(key.shift_id) ?? { span: 0, planned: 0 });
    add(key, {
      production_entries: 1,
      units_produced,
      units_defective,
      run_hours,
      planned_minutes: shift.planned,
      shift_minutes: shift.span,
      employees_assigned,
      employee_minutes: employees_assigned * shift.span,
      employees_present: employees_present ?? 0,
      present_entries: employees_present === null ? 0 : 1,
      present_minutes: (employees_present ?? 0) * shift.span,
    });
  }
  const quality = await sql<
    {
      line_id: string;
      product_id: string | null;
      shift_id: string | null;
      shift_date: string;
      inspected: number;
      scrap: number;
      rework: number;
      defects: Record<string, number>;
    }[]
  >`
    SELECT q.line_id, w.product_id, q.shift_id, to_char(q.shift_date, 'YYYY-MM-DD') AS shift_date, q.inspected, q.scrap,
           q.rework, q.defects
      FROM sf_quality_entry q JOIN sf_work_order w ON w.id = q.work_order_id WHERE q.organization_id = ${orgID}`;
  for (const { inspected, scrap, rework, defects, ...key } of quality) {
    const found = Object.values(defects).reduce((s, n) => s + n, 0);
    add(key, { quality_entries: 1, inspected, scrap, rework, defects: found });
  }
  const stops = await sql<
    { line_id: string; product_id: string | null; started_at: Date; duration_minutes: number; planned: boolean }[]
  >`
    SELECT d.line_id, w.product_id, d.started_at, d.duration_minutes, r.planned
      FROM sf_downtime_entry d JOIN sf_downtime_reason r ON r.id = d.reason_id
      LEFT JOIN sf_work_order w ON w.id = d.work_order_id WHERE d.organization_id = ${orgID}`;
  for (const s of stops) {
    const key = {
      line_id: s.line_id,
      product_id: s.product_id,
      shift_id: null,
      shift_date: s.started_at.toISOString().slice(0, 10),
    };
    add(
      key,
      s.planned
        ? { planned_stops: 1, planned_downtime_minutes: s.duration_minutes }
        : { unplanned_stops: 1, unplanned_downtime_minutes: s.duration_minutes },
    );
  }
  return [...rows.values()].map(normal).sort(byID);
}

/** Polls `check` until it holds (every 50 ms, up to the job deadline). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = JOB_DEADLINE_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A new work order of `product` (its code) made over REST as `auth`; answers its id. */
export async function workOrderOf(auth: RestAuth, number: string, product: string): Promise<string> {
  const res = await rest(auth, 'POST', '/api/work-orders', { number, plannedQuantity: 5000, product });
  return (expectStatus(res, 201) as { id: string }).id;
}
