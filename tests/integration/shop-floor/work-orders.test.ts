import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { WorkOrder } from '../../../sync/schema.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { useOrg } from '../../helpers/people.ts';
import { comparable, createKey, expectError, expectStatus, rest } from '../../helpers/rest.ts';
import { refusalOf, useZeroClients, watch } from '../../helpers/zero-client.ts';

type Json = Record<string, unknown> & { id: string; status: string };
type Full = WorkOrder & {
  jobs: { id: string; status: string }[];
  transitions: { from?: string | null; to: string; reason?: string | null; actorID?: string | null }[];
  holds: { reason: string; endedAt?: number | null; durationSeconds?: number | null }[];
};
const locs = (error: { details: { loc: (string | number)[] }[] }) => error.details.map((d) => d.loc.join('.'));

describe('work orders', () => {
  const org = useOrg('Work orders', { ada: 'owner', mia: 'manager', otto: 'operator', vic: 'viewer' });
  const other = useOrg('Work orders elsewhere', { ivan: 'owner' });
  const as = (who: 'ada' | 'mia' | 'otto' | 'vic') => ({ person: org[who], org: org.id });
  const ivan = () => ({ person: other.ivan, org: other.id });
  const open = useZeroClients();
  const sql = useAdminSql({ max: 3 });

  const product = async (code: string) =>
    expectStatus(await rest(as('mia'), 'POST', '/api/products', { code, name: `Product ${code}`, idealCycleSeconds: 10 }), 201);
  const order = async (number: string, fields: Record<string, unknown> = {}) =>
    expectStatus(await rest(as('mia'), 'POST', '/api/work-orders', { number, plannedQuantity: 100, ...fields }), 201) as Json;
  const move = (who: 'ada' | 'mia' | 'otto' | 'vic', id: string, body: Record<string, unknown>) =>
    rest(as(who), 'POST', `/api/work-orders/${id}/transitions`, body);
  const get = async (id: string) => expectStatus(await rest(as('vic'), 'GET', `/api/work-orders/${id}`), 200);

  test('over REST: created ACTIVE, put on hold with a reason, released with the hold’s duration kept, completed; each transition kept', async () => {
    await product('WID-1');
    const created = await order('WO-1', {
      product: 'WID-1',
      plannedStart: '2026-12-14T06:00:00Z',
      plannedShipDate: '2026-12-18',
    });
    expect(created).toMatchObject({
      number: 'WO-1',
      status: 'ACTIVE',
      product: 'WID-1',
      plannedQuantity: 100,
      plannedStart: '2026-12-14T06:00:00.000Z',
      plannedShipDate: '2026-12-18',
      actualShipDate: null,
      jobs: [],
      holds: [],
      transitions: [{ from: null, to: 'ACTIVE', reason: null, by: org.mia.userID, at: expect.any(String) }],
    });

    // A hold needs a reason: refused naming it, nothing written.
    let error = expectError(await move('mia', created.id, { to: 'ON_HOLD' }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.reason']);
    expect(error.message).toBe('Reason is required to move a work order to ON_HOLD');
    expect(await get(created.id)).toEqual(created);

    const held = expectStatus(await move('mia', created.id, { to: 'ON_HOLD', reason: ' Waiting for material ' }), 201);
    expect(held.status).toBe('ON_HOLD');
    expect(held.transitions.at(-1)).toMatchObject({
      from: 'ACTIVE',
      to: 'ON_HOLD',
      reason: 'Waiting for material',
      by: org.mia.userID,
    });
    expect(held.holds).toEqual([
      {
        id: held.transitions.at(-1).id,
        reason: 'Waiting for material',
        startedAt: expect.any(String),
        endedAt: null,
        durationSeconds: null,
      },
    ]);
    // The hold began an hour and a half ago (moved back in the database), so its duration is known when it ends.
    await sql`UPDATE sf_work_order_hold SET started_at = started_at - interval '90 minutes' WHERE work_order_id = ${created.id}`;

    // The operator releases it (holds are the floor's); completing is for managers.
    const released = expectStatus(await move('otto', created.id, { to: 'ACTIVE' }), 201);
    expect(released.status).toBe('ACTIVE');
    const [hold] = released.holds;
    expect(hold.endedAt).not.toBeNull();
    expect(hold.durationSeconds).toBe(Math.round((Date.parse(hold.endedAt) - Date.parse(hold.startedAt)) / 1000));
    expect(hold.durationSeconds).toBeGreaterThanOrEqual(90 * 60);
    expect(hold.durationSeconds).toBeLessThan(95 * 60);
    expectError(await move('otto', created.id, { to: 'COMPLETED' }), 403, 'FORBIDDEN');
    expectError(await move('vic', created.id, { to: 'ON_HOLD', reason: 'Viewer' }), 403, 'FORBIDDEN');

    const done = expectStatus(await move('mia', created.id, { to: 'COMPLETED' }), 201);
    expect(done.transitions.map((t: { from: string | null; to: string }) => `${t.from}->${t.to}`)).toEqual([
      'null->ACTIVE',
      'ACTIVE->ON_HOLD',
      'ON_HOLD->ACTIVE',
      'ACTIVE->COMPLETED',
    ]);
    expect(done.transitions.map((t: { by: string }) => t.by)).toEqual([
      org.mia.userID,
      org.mia.userID,
      org.otto.userID,
      org.mia.userID,
    ]);

    // Completed is final: refused naming `to`, and nothing written.
    error = expectError(await move('mia', created.id, { to: 'ACTIVE' }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.to']);
    expect(error.message).toBe('"to" cannot be ACTIVE while the work order is COMPLETED: Completed is final');
    error = expectError(await move('mia', created.id, { to: 'PAUSED' }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.to']);
    expect(await get(created.id)).toEqual(done);
    const audited = await sql<{ table_name: string; action: string }[]>`
      SELECT table_name, action FROM audit_log WHERE organization_id = ${org.id} AND row_id LIKE ${`${created.id}%`}
      ORDER BY id`;
    expect(audited.filter((a) => a.table_name === 'sf_work_order').map((a) => a.action)).toEqual([
      'insert',
      'update',
      'update',
      'update',
    ]);
  });

  test('cancelling or rejecting needs a reason and ends an open hold; the jobs follow the order’s status', async () => {
    const z = open(org.mia, org.id);
    const line = expectStatus(await rest(as('mia'), 'POST', '/api/lines', { name: 'Line for jobs' }), 201);
    const wo = await order('WO-2');
    const jobID = randomUUID();
    const made = await z.mutate(
      mutators.job.create({ id: jobID, workOrderID: wo.id, name: 'Assemble', lineID: line.id, plannedQuantity: 100 }),
    ).server;
    expect(made.type, JSON.stringify(made)).toBe('success');
    expectStatus(await move('otto', wo.id, { to: 'ON_HOLD', reason: 'Machine down' }), 201);
    expect((await get(wo.id)).jobs).toMatchObject([{ id: jobID, status: 'ON_HOLD', line: 'Line for jobs' }]);

    const error = expectError(await move('mia', wo.id, { to: 'REJECTED', reason: '  ' }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.reason']);
    const rejected = expectStatus(await move('mia', wo.id, { to: 'REJECTED', reason: 'Quality rejection' }), 201);
    expect(rejected.holds).toMatchObject([
      { reason: 'Machine down', endedAt: expect.any(String), durationSeconds: expect.any(Number) },
    ]);
    expect(rejected.jobs).toMatchObject([{ status: 'REJECTED' }]);
    // A final order takes no new jobs.
    const late = await z.mutate(
      mutators.job.create({ id: randomUUID(), workOrderID: wo.id, name: 'Late', lineID: line.id, plannedQuantity: 1 }),
    ).server;
    expect(late.type === 'error' && late.error.message).toBe('Work order WO-2 is rejected: it takes no new jobs');

    const cancelled = await order('WO-3');
    expectError(await move('mia', cancelled.id, { to: 'CANCELLED' }), 400, 'VALIDATION_FAILED');
    expect(expectStatus(await move('mia', cancelled.id, { to: 'CANCELLED', reason: 'Customer cancelled' }), 201).status).toBe(
      'CANCELLED',
    );
  });

  test('two people moving one order at once are checked one after the other: one wins, the other is refused naming `to`', async () => {
    const wo = await order('WO-RACE');
    // Both moves are sent while the order's row is locked here, and the lock is let go only once both wait on it:
    // each has then read (or is about to read) the order at the same moment. Checked one after the other, the
    // second sees the first one's status; checked side by side, both would pass and both be written.
    let moves: Promise<[Awaited<ReturnType<typeof move>>, Awaited<ReturnType<typeof move>>]> | undefined;
    await sql.begin(async (tx) => {
      const [{ pid }] = await tx<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
      await tx`SELECT id FROM sf_work_order WHERE id = ${wo.id} FOR UPDATE`;
      moves = Promise.all([
        move('mia', wo.id, { to: 'COMPLETED' }),
        move('ada', wo.id, { to: 'CANCELLED', reason: 'Changed our minds' }),
      ]);
      await expect
        .poll(async () => {
          // Waiting on this lock, or (in the queue for the row) on the first of them to wait on it.
          const [row] = await sql<[{ n: number }]>`
            WITH first AS (SELECT pid FROM pg_stat_activity WHERE ${pid} = ANY (pg_blocking_pids(pid)))
            SELECT count(*)::int AS n FROM pg_stat_activity a
             WHERE ${pid} = ANY (pg_blocking_pids(a.pid)) OR pg_blocking_pids(a.pid) && ARRAY(SELECT pid FROM first)`;
          return row.n;
        })
        .toBe(2);
    });
    const [a, b] = (await moves) ?? [];
    expect([a?.status, b?.status].sort()).toEqual([201, 400]);
    const refused = a?.status === 400 ? a : b;
    if (!refused) throw new Error('no answer');
    expect(locs(expectError(refused, 400, 'VALIDATION_FAILED'))).toEqual(['body.to']);
    expect((await get(wo.id)).transitions).toHaveLength(2);
  });

  test('the number is unique in the organization (409 naming it); bad fields and unknown products are named; roles are checked', async () => {
    await order('WO-10');
    let error = expectError(
      await rest(as('mia'), 'POST', '/api/work-orders', { number: 'WO-10', plannedQuantity: 1 }),
      409,
      'CONFLICT',
    );
    expect(locs(error)).toEqual(['body.number']);
    // Another organization may use the same number.
    expectStatus(await rest(ivan(), 'POST', '/api/work-orders', { number: 'WO-10', plannedQuantity: 1 }), 201);

    error = expectError(
      await rest(as('mia'), 'POST', '/api/work-orders', { number: ' ', plannedQuantity: 0, plannedShipDate: '18/12/2026' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error).sort()).toEqual(['body.plannedShipDate']);
    error = expectError(
      await rest(as('mia'), 'POST', '/api/work-orders', { number: ' ', plannedQuantity: 1.5 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error).sort()).toEqual(['body.number', 'body.plannedQuantity']);
    const theirs = expectStatus(
      await rest(ivan(), 'POST', '/api/products', { code: 'THEIRS', name: 'Theirs', idealCycleSeconds: 1 }),
      201,
    );
    error = expectError(
      await rest(as('mia'), 'POST', '/api/work-orders', { number: 'WO-11', plannedQuantity: 1, product: theirs.code }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error)).toEqual(['body.product']);
    const archived = await product('OLD-1');
    expectStatus(await rest(as('mia'), 'DELETE', `/api/products/${archived.id}`), 200);
    error = expectError(
      await rest(as('mia'), 'POST', '/api/work-orders', { number: 'WO-11', plannedQuantity: 1, product: 'OLD-1' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details).toMatchObject([
      { loc: ['body', 'product'], msg: 'Product “Product OLD-1” is archived: restore it or choose another' },
    ]);

    expectError(await rest(as('otto'), 'POST', '/api/work-orders', { number: 'WO-12', plannedQuantity: 1 }), 403, 'FORBIDDEN');
    expectError(
      await rest(as('vic'), 'POST', '/api/work-orders', { number: 'WO-12', plannedQuantity: 1, product: 'NOPE' }),
      403,
      'FORBIDDEN',
    );
    // An API key acts with its role.
    const key = await createKey(org.ada, org.id, 'manager');
    expectStatus(await rest({ key: key.key }, 'POST', '/api/work-orders', { number: 'WO-12', plannedQuantity: 1 }), 201);
    const operatorKey = await createKey(org.ada, org.id, 'operator');
    expectError(
      await rest({ key: operatorKey.key }, 'POST', '/api/work-orders', { number: 'WO-13', plannedQuantity: 1 }),
      403,
      'FORBIDDEN',
    );
    // Nothing refused was written.
    const numbers = (await rest(as('vic'), 'GET', '/api/work-orders')).body.map((w: { number: string }) => w.number);
    expect(numbers).not.toContain('WO-11');
    expect(numbers).not.toContain('WO-13');
  });

  test('another organization’s work order is a 404 like one that does not exist, and its list is empty', async () => {
    const wo = await order('WO-SECRET');
    const missing = randomUUID();
    const foreign = await rest(ivan(), 'GET', `/api/work-orders/${wo.id}`);
    expectError(foreign, 404, 'NOT_FOUND');
    expect(comparable(foreign)).toEqual(comparable(await rest(ivan(), 'GET', `/api/work-orders/${missing}`)));
    const moved = await rest(ivan(), 'POST', `/api/work-orders/${wo.id}/transitions`, { to: 'ON_HOLD', reason: 'Mine now' });
    expectError(moved, 404, 'NOT_FOUND');
    expect(comparable(moved)).toEqual(
      comparable(await rest(ivan(), 'POST', `/api/work-orders/${missing}/transitions`, { to: 'ON_HOLD', reason: 'Mine now' })),
    );
    expect(expectStatus(await rest(ivan(), 'GET', '/api/work-orders?status=ACTIVE'), 200).map((w: Json) => w.id)).not.toContain(
      wo.id,
    );
    expect((await get(wo.id)).status).toBe('ACTIVE');
    const listed = expectStatus(await rest(as('vic'), 'GET', '/api/work-orders?status=ACTIVE'), 200);
    expect(listed.map((w: Json) => w.id)).toContain(wo.id);
    expect(listed.every((w: Json) => w.status === 'ACTIVE')).toBe(true);
  });

  test('through Zero: a viewer sees an order and its hold arrive live; refusals name the field or the role', async () => {
    const zm = open(org.mia, org.id);
    const zo = open(org.otto, org.id);
    const zv = open(org.vic, org.id);
    const id = randomUUID();
    const one = watch<Full | undefined>(zv, queries.workOrders.byId({ orgID: org.id, workOrderID: id }));
    const onHold = watch<WorkOrder[]>(zv, queries.workOrders.list({ orgID: org.id, status: 'ON_HOLD' }));
    await one.until((w) => w === undefined);

    const made = await zm.mutate(mutators.workOrder.create({ id, number: 'WO-Z', plannedQuantity: 40 })).server;
    expect(made.type, JSON.stringify(made)).toBe('success');
    await one.until((w) => w?.status === 'ACTIVE' && w.transitions.length === 1);

    const refusal = refusalOf;
    const hold = (reason?: string) => mutators.workOrder.transition({ id, transitionID: randomUUID(), to: 'ON_HOLD', reason });
    expect(await refusal(zo, hold())).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['reason'] });
    expect(await refusal(zv, hold('Viewer'))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your role (Viewer) cannot put work orders on hold or release them. Ask an admin of this organization for access.',
    });
    const close = mutators.workOrder.transition({ id, transitionID: randomUUID(), to: 'COMPLETED' });
    expect(await refusal(zo, close)).toMatchObject({ code: 'FORBIDDEN' });
    const skip = mutators.workOrder.transition({ id, transitionID: randomUUID(), to: 'ACTIVE' });
    expect(await refusal(zm, skip)).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['to'] });
    // The operator may not edit master data, nor the order itself.
    expect(await refusal(zo, mutators.line.create({ id: randomUUID(), name: 'Operator line' }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your role (Operator) cannot add lines. Ask an admin of this organization for access.',
    });
    expect(await refusal(zo, mutators.workOrder.update({ id, plannedQuantity: 1 }))).toMatchObject({ code: 'FORBIDDEN' });

    const held = await zo.mutate(hold('Waiting for the die')).server;
    expect(held.type, JSON.stringify(held)).toBe('success');
    const seen = await one.until((w) => w?.status === 'ON_HOLD');
    expect(seen?.holds).toMatchObject([{ reason: 'Waiting for the die', endedAt: null }]);
    expect(seen?.transitions.at(-1)).toMatchObject({ from: 'ACTIVE', to: 'ON_HOLD', actorID: org.otto.userID });
    await onHold.until((rows) => rows.some((w) => w.id === id));
    // A second hold on a held order is refused: the order is not ACTIVE any more.
    expect(await refusal(zm, hold('Again'))).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['to'] });
    // Editing: managers; the number stays unique.
    const other = randomUUID();
    expect((await zm.mutate(mutators.workOrder.create({ id: other, number: 'WO-Z2', plannedQuantity: 1 })).server).type).toBe(
      'success',
    );
    expect(await refusal(zm, mutators.workOrder.update({ id: other, number: 'WO-Z' }))).toMatchObject({
      code: 'CONFLICT',
      fields: ['number'],
    });
    const shipped = await zm.mutate(mutators.workOrder.update({ id, actualShipDate: Date.UTC(2026, 11, 20, 14) })).server;
    expect(shipped.type).toBe('success');
    expect((await one.until((w) => !!w?.actualShipDate))?.actualShipDate).toBe(Date.UTC(2026, 11, 20));
  });
});
