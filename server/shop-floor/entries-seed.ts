import { createHash } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import { clockMinutes } from '../../shared/shop-floor/shift.ts';

const DAY = 86_400_000;
/** A month of production, shift by shift; the last week also has quality and attendance. */
export const ENTRY_DAYS = 30;
const RECENT_DAYS = 7;

/**
 * Which demo order each line works on a day: the completed one in the older
 * days, the open ones lately, and for a few days the prototype (its product
 * has no ideal cycle time, so the line dashboard shows one estimated from
 * its history at once).
 */
function orderOn(daysAgo: number, line: number): string {
  if (line === 1 && daysAgo >= 2 && daysAgo <= 4) return 'WO-1005';
  if (daysAgo >= 3 && (daysAgo + line) % 3 === 0) return 'WO-1004';
  return daysAgo % 2 === 0 ? 'WO-1001' : 'WO-1003';
}
const LINES = ['Assembly line', 'Packaging line'];
const SHIFTS = ['Early', 'Late', 'Night'];
const REASONS = ['MECH', 'MAT', 'CHG', 'QC', 'PM'];
const EMPLOYEES = [
  { code: 'E-001', shift: 'Early' },
  { code: 'E-002', shift: 'Early' },
  { code: 'E-003', shift: 'Late' },
  { code: 'E-004', shift: 'Night' },
];
const ABSENCES = ['Sick', 'Doctor’s appointment', 'Family matter'];

/**
 * The demo row's id, the same at every start for the same organization and
 * key (which names the shift date, not "n days ago"): a start adds only the
 * rows that are missing, so the month always ends today, and a row keeps
 * its id and its shift date on later days: nothing moves under the demo user.
 */
function stableID(orgID: string, key: string): string {
  const h = createHash('sha256').update(`${orgID}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface EntrySeedContext {
  orgID: string;
  userID: string;
  now: number;
}

type Lookup = Map<string, Record<string, unknown> & { id: string }>;

/**
 * The shop floor's demo entries, added by the shop-floor seed after its
 * master data and work orders, dated back from the start's day: a month of
 * production up to yesterday on both lines in all three shifts (the night
 * one included); a stop every third day per line
 * with its reason; for the last week quality (linked to the early shift's
 * production) and attendance (some absences, some covered by the pool).
 * Each start fills the days since the last one, so the demo never ages. A
 * line, shift and day that already has another production entry (a demo
 * made before the keys named the day) is left as it is. Rows whose order, line or shift the
 * demo user removed are left out. Returns how many rows were added.
 */
export async function seedEntries(tx: TransactionSql, c: EntrySeedContext): Promise<number> {
  const { orgID, userID } = c;
  const by = async (table: string, key: string): Promise<Lookup> => {
    const rows = await tx<(Record<string, unknown> & { id: string; k: string })[]>`
      SELECT ${tx(key)} AS k, * FROM ${tx(table)} WHERE organization_id = ${orgID}`;
    return new Map(rows.map((r) => [r.k, r]));
  };
  const [orders, lines, shifts, products, employees, reasons, defects] = [
    await by('sf_work_order', 'number'),
    await by('sf_line', 'name'),
    await by('sf_shift', 'name'),
    await by('sf_product', 'id'),
    await by('sf_employee', 'code'),
    await by('sf_downtime_reason', 'code'),
    await by('sf_defect_type', 'code'),
  ];
  const jobs = new Map(
    (
      await tx<{ work_order_id: string; line_id: string; id: string }[]>`
        SELECT work_order_id, line_id, id FROM sf_job WHERE organization_id = ${orgID}`
    ).map((j) => [`${j.work_order_id}:${j.line_id}`, j.id]),
  );
  const today = Math.floor(c.now / DAY) * DAY;
  const since = new Date(today - ENTRY_DAYS * DAY).toISOString().slice(0, 10);
  // Which slots (line, shift and day; employee, shift and day) hold a row, and its id.
  const made = new Map(
    (
      await tx<{ k: string; id: string }[]>`
        SELECT line_id || ':' || coalesce(shift_id, '') || ':' || shift_date::text AS k, id FROM sf_production_entry
        WHERE organization_id = ${orgID} AND shift_date >= ${since}`
    ).map((r) => [r.k, r.id]),
  );
  const present = new Map(
    (
      await tx<{ k: string; id: string }[]>`
        SELECT employee_id || ':' || shift_id || ':' || shift_date::text AS k, id FROM sf_attendance_entry
        WHERE organization_id = ${orgID} AND shift_date >= ${since}`
    ).map((r) => [r.k, r.id]),
  );
  /** A slot another row fills (the demo user's, or one an older demo keyed by "days ago"): left as it is. */
  const taken = (slots: Map<string, string>, slot: string, id: string) => (slots.get(slot) ?? id) !== id;
  const at = new Date(c.now);
  const written = { created_by: userID, created_at: at, updated_by: userID, updated_at: at };
  const production: Record<string, unknown>[] = [];
  const downtime: Record<string, unknown>[] = [];
  const quality: Record<string, unknown>[] = [];
  const attendance: Record<string, unknown>[] = [];

  for (let d = 1; d <= ENTRY_DAYS; d += 1) {
    const date = new Date(today - d * DAY).toISOString().slice(0, 10);
    // The day itself (not how long ago it was) picks its stops and pace, so a later start adds none to a day it already filled.
    const n = (today - d * DAY) / DAY;
    for (const [l, lineName] of LINES.entries()) {
      const order = orders.get(orderOn(d, l));
      const line = lines.get(lineName);
      if (!order || !line) continue;
      const cycle = Number(products.get(String(order.product_id))?.ideal_cycle_seconds ?? 30);
      for (const [s, shiftName] of SHIFTS.entries()) {
        const shift = shifts.get(shiftName);
        if (!shift) continue;
        const start = Date.parse(`${date}T00:00:00Z`) + (clockMinutes(String(shift.start_time)) ?? 0) * 60_000;
        const key = `${date}:${l}:${s}`;
        // A stop every third day per line, in a different shift each time.
        const stopped = n % 3 === 0 && s === (n / 3) % SHIFTS.length ? 15 + ((n * 7 + l * 11) % 46) : 0;
        // Planned: 8 h less the 30-minute break; less any stop, rounded to a quarter hour.
        const runHours = Math.round((7.5 - stopped / 60 - ((n + s) % 2) * 0.25) * 4) / 4;
        const pace = 0.8 + ((n * 13 + s * 5 + l * 3) % 16) / 100;
        const produced = Math.floor(((runHours * 3600) / cycle) * pace);
        const assigned = l === 0 ? 4 : 3;
        const id = stableID(orgID, `production:${key}`);
        if (taken(made, `${line.id}:${shift.id}:${date}`, id)) continue;
        production.push({
          id,
          organization_id: orgID,
          work_order_id: order.id,
          job_id: jobs.get(`${order.id}:${line.id}`) ?? null,
          line_id: line.id,
          shift_id: shift.id,
          shift_date: date,
          units_produced: produced,
          units_defective: Math.floor((produced * ((d + s + l) % 4)) / 100),
          run_hours: runHours,
          employees_assigned: assigned,
          employees_present: (d + s + l) % 6 === 0 ? assigned - 1 : assigned,
          note: null,
          ...written,
        });
        const reason = reasons.get(REASONS[n % REASONS.length] ?? '');
        if (stopped > 0 && reason) {
          downtime.push({
            id: stableID(orgID, `downtime:${key}`),
            organization_id: orgID,
            line_id: line.id,
            reason_id: reason.id,
            work_order_id: order.id,
            started_at: new Date(start + 120 * 60_000),
            duration_minutes: stopped,
            note: null,
            ...written,
          });
        }
        if (d <= RECENT_DAYS && shiftName === 'Early') {
          const [scratch, tolerance] = [defects.get('SCR'), defects.get('DIM')];
          const found = { ...(scratch ? { [scratch.id]: d % 4 } : {}), ...(tolerance ? { [tolerance.id]: (d + l) % 3 } : {}) };
          quality.push({
            id: stableID(orgID, `quality:${key}`),
            organization_id: orgID,
            production_entry_id: id,
            work_order_id: order.id,
            line_id: line.id,
            shift_id: shift.id,
            shift_date: date,
            inspected: 50,
            defects: tx.json(found),
            scrap: d % 3,
            rework: (d + l) % 2,
            note: null,
            ...written,
          });
        }
      }
    }
    if (d > RECENT_DAYS) continue;
    for (const [e, { code, shift: shiftName }] of EMPLOYEES.entries()) {
      const employee = employees.get(code);
      const shift = shifts.get(shiftName);
      if (!employee || !shift) continue;
      const id = stableID(orgID, `attendance:${date}:${e}`);
      if (taken(present, `${employee.id}:${shift.id}:${date}`, id)) continue;
      const absent = (d + e) % 5 === 0 ? ((d + e) % 2 === 0 ? 8 : 4) : 0;
      attendance.push({
        id,
        organization_id: orgID,
        employee_id: employee.id,
        shift_id: shift.id,
        shift_date: date,
        scheduled_hours: 8,
        absent_hours: absent,
        reason: absent ? ABSENCES[(d + e) % ABSENCES.length] : null,
        covered_by_pool: absent === 8,
        ...written,
      });
    }
  }

  let added = 0;
  for (const [table, rows] of [
    ['sf_production_entry', production],
    ['sf_quality_entry', quality],
    ['sf_downtime_entry', downtime],
    ['sf_attendance_entry', attendance],
  ] as const) {
    if (rows.length === 0) continue;
    const inserted = await tx`
      INSERT INTO ${tx(table)} ${tx(rows as never, Object.keys(rows[0] ?? {}))} ON CONFLICT (id) DO NOTHING RETURNING id`;
    added += inserted.length;
  }
  return added;
}
