import { randomUUID } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import { holdSeconds, type WorkOrderStatus } from '../../shared/shop-floor/work-orders.ts';
import type { PackSeed } from '../seed.ts';
import { seedEntries } from './entries-seed.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Row = Record<string, string | number | boolean | null | { start: string; end: string }[]>;

/** Master data by table, each row found by its natural key (the table's unique column). */
const MASTER_DATA: { table: string; key: 'name' | 'code'; rows: Row[] }[] = [
  { table: 'sf_line', key: 'name', rows: [{ name: 'Assembly line' }, { name: 'Packaging line' }] },
  {
    table: 'sf_product',
    key: 'code',
    rows: [
      { code: 'WID-100', name: 'Widget, small', ideal_cycle_seconds: 12 },
      { code: 'WID-200', name: 'Widget, large', ideal_cycle_seconds: 20 },
      { code: 'GAD-300', name: 'Gadget', ideal_cycle_seconds: 45 },
      // No ideal cycle time: the KPI inference chain has to infer one.
      { code: 'PRT-900', name: 'Prototype bracket', ideal_cycle_seconds: null },
    ],
  },
  {
    table: 'sf_shift',
    key: 'name',
    rows: [
      { name: 'Early', start_time: '06:00', end_time: '14:00', breaks: [{ start: '10:00', end: '10:30' }] },
      { name: 'Late', start_time: '14:00', end_time: '22:00', breaks: [{ start: '18:00', end: '18:30' }] },
      // Overnight: the end before the start is the next morning.
      { name: 'Night', start_time: '22:00', end_time: '06:00', breaks: [{ start: '02:00', end: '02:30' }] },
    ],
  },
  {
    table: 'sf_employee',
    key: 'code',
    rows: [
      { code: 'E-001', name: 'Ana Lima' },
      { code: 'E-002', name: 'Ben Okafor' },
      { code: 'E-003', name: 'Chen Wei' },
      { code: 'E-004', name: 'Dora Novak' },
    ],
  },
  {
    table: 'sf_downtime_reason',
    key: 'code',
    rows: [
      { code: 'PM', name: 'Planned maintenance', planned: true },
      { code: 'CHG', name: 'Changeover', planned: true },
      { code: 'MECH', name: 'Mechanical failure', planned: false },
      { code: 'MAT', name: 'Material shortage', planned: false },
      { code: 'QC', name: 'Waiting for quality check', planned: false },
    ],
  },
  {
    table: 'sf_defect_type',
    key: 'code',
    rows: [
      { code: 'SCR', name: 'Scratch' },
      { code: 'DIM', name: 'Out of tolerance' },
      { code: 'ASM', name: 'Assembly error' },
      { code: 'PKG', name: 'Packaging damage' },
    ],
  },
];

/** A step of a demo order's history: where it went, why, and how long before the seed ran. */
type Step = { to: WorkOrderStatus; reason?: string; ago: number };

/** Work orders in every state, each with its jobs and its history (the first step is its creation). */
const WORK_ORDERS: { number: string; product: string; quantity: number; shipInDays: number; history: Step[] }[] = [
  { number: 'WO-1001', product: 'WID-100', quantity: 500, shipInDays: 5, history: [{ to: 'ACTIVE', ago: 2 * DAY }] },
  {
    number: 'WO-1002',
    product: 'WID-200',
    quantity: 200,
    shipInDays: 7,
    history: [
      { to: 'ACTIVE', ago: 3 * DAY },
      { to: 'ON_HOLD', reason: 'Waiting for material: housings not delivered', ago: 2 * HOUR },
    ],
  },
  {
    number: 'WO-1003',
    product: 'GAD-300',
    quantity: 120,
    shipInDays: 3,
    history: [
      { to: 'ACTIVE', ago: 4 * DAY },
      { to: 'ON_HOLD', reason: 'Fixture adjustment on the assembly line', ago: 3 * DAY },
      { to: 'ACTIVE', ago: 3 * DAY - 45 * 60_000 },
    ],
  },
  {
    number: 'WO-1004',
    product: 'WID-100',
    quantity: 300,
    shipInDays: -1,
    history: [
      { to: 'ACTIVE', ago: 6 * DAY },
      { to: 'COMPLETED', ago: 2 * DAY },
    ],
  },
  {
    number: 'WO-1005',
    product: 'PRT-900',
    quantity: 50,
    shipInDays: 10,
    history: [
      { to: 'ACTIVE', ago: 5 * DAY },
      { to: 'CANCELLED', reason: 'Customer cancelled the order', ago: DAY },
    ],
  },
  {
    number: 'WO-1006',
    product: 'GAD-300',
    quantity: 80,
    shipInDays: 2,
    history: [
      { to: 'ACTIVE', ago: 5 * DAY },
      { to: 'ON_HOLD', reason: 'Dimensions out of tolerance on the first batch', ago: 2 * DAY },
      { to: 'REJECTED', reason: 'Quality rejection: the batch fails the tolerance check', ago: DAY },
    ],
  },
];
const JOBS = [
  { name: 'Assemble', line: 'Assembly line' },
  { name: 'Pack', line: 'Packaging line' },
];

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The shop floor's demo: two lines, products (one without an ideal cycle
 * time), three shifts (one overnight), employees, downtime reasons (planned
 * and not), defect types, and work orders in every state with their jobs,
 * transitions and holds; then a month of entries (entries-seed.ts, whose
 * rows have stable ids). Each row is found by its natural key (a name, a
 * code, an order's number), so a start adds only what is missing and never
 * touches what the demo user changed.
 */
export const shopFloorSeed: PackSeed = {
  pack: 'shop-floor',
  async seed(tx, { orgID, userID }) {
    const now = Date.now();
    let added = 0;
    for (const { table, key, rows } of MASTER_DATA) {
      const at = new Date(now);
      const full = rows.map((r) => ({
        id: randomUUID(),
        organization_id: orgID,
        // Objects are jsonb (a shift's breaks), not Postgres arrays.
        ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v !== null && typeof v === 'object' ? tx.json(v) : v])),
        created_by: userID,
        created_at: at,
        updated_at: at,
      }));
      const inserted = await tx`
        INSERT INTO ${tx(table)} ${tx(full as never, Object.keys(full[0] ?? {}))}
        ON CONFLICT (organization_id, ${tx(key)}) DO NOTHING RETURNING id`;
      added += inserted.length;
    }
    const ids = async (table: string, key: string) =>
      new Map(
        (
          await tx<{ k: string; id: string }[]>`SELECT ${tx(key)} AS k, id FROM ${tx(table)} WHERE organization_id = ${orgID}`
        ).map((r) => [r.k, r.id]),
      );
    const [products, lines] = [await ids('sf_product', 'code'), await ids('sf_line', 'name')];
    for (const order of WORK_ORDERS) {
      if (await insertOrder(tx, { orgID, userID, now, products, lines }, order)) added += 1;
    }
    added += await seedEntries(tx, { orgID, userID, now });
    return { added, kpiIDs: [] };
  },
};

interface SeedContext {
  orgID: string;
  userID: string;
  now: number;
  products: Map<string, string>;
  lines: Map<string, string>;
}

/** One demo order with its jobs and history, unless its number is taken; true when it was added. */
async function insertOrder(tx: TransactionSql, c: SeedContext, order: (typeof WORK_ORDERS)[number]): Promise<boolean> {
  const { orgID, userID, now } = c;
  const id = randomUUID();
  const last = order.history.at(-1) ?? { to: 'ACTIVE', ago: 0 };
  const created = new Date(now - (order.history[0]?.ago ?? 0));
  const inserted = await tx`
    INSERT INTO sf_work_order (id, organization_id, number, product_id, planned_quantity, planned_start, planned_ship_date,
                               actual_ship_date, status, created_by, created_at, updated_at)
    VALUES (${id}, ${orgID}, ${order.number}, ${c.products.get(order.product) ?? null}, ${order.quantity}, ${created},
            ${dayOf(now + order.shipInDays * DAY)}, ${last.to === 'COMPLETED' ? dayOf(now - DAY) : null}, ${last.to},
            ${userID}, ${created}, ${new Date(now - last.ago)})
    ON CONFLICT (organization_id, number) DO NOTHING RETURNING id`;
  if (inserted.length === 0) return false;
  for (const job of JOBS) {
    await tx`INSERT INTO sf_job (id, organization_id, work_order_id, name, line_id, planned_quantity, status, created_by, created_at, updated_at)
             VALUES (${randomUUID()}, ${orgID}, ${id}, ${job.name}, ${c.lines.get(job.line) ?? ''}, ${order.quantity}, ${last.to},
                     ${userID}, ${created}, ${created})`;
  }
  let from: WorkOrderStatus | null = null;
  let hold: { id: string; at: number } | null = null;
  for (const [i, step] of order.history.entries()) {
    const at = now - step.ago;
    const stepID = i === 0 ? `${id}:created` : randomUUID();
    await tx`INSERT INTO sf_work_order_transition (id, organization_id, work_order_id, from_status, to_status, reason, actor_id, created_at)
             VALUES (${stepID}, ${orgID}, ${id}, ${from}, ${step.to}, ${step.reason ?? null}, ${userID}, ${new Date(at)})`;
    if (hold) {
      await tx`UPDATE sf_work_order_hold SET ended_at = ${new Date(at)}, ended_by = ${userID},
                 duration_seconds = ${holdSeconds(hold.at, at)} WHERE id = ${hold.id}`;
      hold = null;
    }
    if (step.to === 'ON_HOLD') {
      await tx`INSERT INTO sf_work_order_hold (id, organization_id, work_order_id, reason, started_by, started_at)
               VALUES (${stepID}, ${orgID}, ${id}, ${step.reason ?? ''}, ${userID}, ${new Date(at)})`;
      hold = { id: stepID, at };
    }
    from = step.to;
  }
  return true;
}
