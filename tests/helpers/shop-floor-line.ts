import { randomUUID } from 'node:crypto';
import { mutators } from '../../sync/mutators.ts';
import type { Person } from './people.ts';
import { expectStatus, rest } from './rest.ts';
import type { TestZero } from './zero-client.ts';

/** One line, an 8 h early shift with a 30 minute break, and a work order per product, made by a manager. */
export interface FloorLine {
  lineID: string;
  shiftID: string;
  /** Work order ids by product code. */
  orders: Record<string, string>;
  /** Product ids by code. */
  products: Record<string, string>;
}

async function committed(zero: TestZero, write: Parameters<TestZero['mutate']>[0]): Promise<void> {
  const result = await zero.mutate(write).server;
  if (result.type !== 'success') throw new Error(`set-up write refused: ${JSON.stringify(result)}`);
}

/**
 * Sets up a line to enter production on, through the app's own paths: the
 * line and the shift through `zero` (a manager's client), products with
 * their ideal cycle times and an order for each through REST.
 */
export async function setUpFloorLine(
  manager: { zero: TestZero; person: Person; orgID: string },
  lineName: string,
  products: readonly { code: string; name: string; idealCycleSeconds: number }[],
): Promise<FloorLine> {
  const auth = { person: manager.person, org: manager.orgID };
  const line: FloorLine = { lineID: randomUUID(), shiftID: randomUUID(), orders: {}, products: {} };
  await committed(manager.zero, mutators.line.create({ id: line.lineID, name: lineName }));
  await committed(
    manager.zero,
    mutators.shift.create({
      id: line.shiftID,
      name: 'Early',
      start: '06:00',
      end: '14:00',
      breaks: [{ start: '10:00', end: '10:30' }],
    }),
  );
  for (const p of products) {
    line.products[p.code] = (expectStatus(await rest(auth, 'POST', '/api/products', p), 201) as { id: string }).id;
    const order = await rest(auth, 'POST', '/api/work-orders', {
      number: `WO-${p.code}`,
      plannedQuantity: 100_000,
      product: p.code,
    });
    line.orders[p.code] = (expectStatus(order, 201) as { id: string }).id;
  }
  return line;
}

/** A production entry's arguments on `line`'s shift: `units` in `runHours` by 4 people. */
export function productionArgs(
  line: FloorLine,
  product: string,
  fields: { shiftDate: number; unitsProduced: number; runHours: number; unitsDefective?: number },
) {
  return {
    id: randomUUID(),
    workOrderID: line.orders[product] as string,
    lineID: line.lineID,
    shiftID: line.shiftID,
    employeesAssigned: 4,
    unitsDefective: 0,
    ...fields,
  };
}

/** Enters production through `zero` and waits for the server to commit it. */
export function enterProduction(zero: TestZero, args: ReturnType<typeof productionArgs>): Promise<void> {
  return committed(zero, mutators.productionEntry.create(args));
}
