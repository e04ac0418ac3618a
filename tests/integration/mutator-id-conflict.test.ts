import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import { createOrg, type Person, signUp } from '../helpers/people.ts';
import { openZero, type TestZero, watch } from '../helpers/zero-client.ts';

// Mutators insert with ids the client chose. An id already taken, in this
// organization or (hidden by row-level security) another, must be refused,
// never answered "success" with nothing written.
const sql = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
const clients: TestZero[] = [];
afterAll(async () => {
  await Promise.all(clients.map((z) => z.close()));
  await sql.end({ timeout: 2 });
});
const open = (p: Person, orgID: string) => {
  const z = openZero(p, orgID);
  clients.push(z);
  return z;
};

type Result = Awaited<ReturnType<TestZero['mutate']>['server']>;
function expectConflict(res: Result) {
  expect(res).toMatchObject({ type: 'error', error: { type: 'app', details: { code: 'CONFLICT' } } });
  expect(res.type === 'error' && res.error.message).toMatch(/already in use/);
}

describe('an insert whose id is already taken is refused as a conflict', () => {
  let alice: Person;
  let mallory: Person;
  let orgA: string;
  let orgM: string;
  let za: TestZero;
  let zm: TestZero;
  const ids = { kpi: randomUUID(), point: randomUUID(), goal: randomUUID(), option: randomUUID(), mine: randomUUID() };

  beforeAll(async () => {
    [alice, mallory] = await Promise.all([signUp('Alice'), signUp('Mallory')]);
    [orgA, orgM] = await Promise.all([createOrg(alice), createOrg(mallory)]);
    za = open(alice, orgA);
    zm = open(mallory, orgM);
    const writes = [
      za.mutate(mutators.kpi.create({ id: ids.kpi, name: 'Alice revenue', unit: '$', target: 100 })).server,
      za.mutate(mutators.dataPoint.add({ id: ids.point, kpiID: ids.kpi, value: 7, note: 'alice' })).server,
      za.mutate(mutators.goal.create({ id: ids.goal, title: 'Alice goal', targetDate: Date.UTC(2030, 0, 1) })).server,
      za.mutate(mutators.kpiOption.add({ id: ids.option, kind: 'unit', value: 'widgets' })).server,
      zm.mutate(mutators.kpi.create({ id: ids.mine, name: 'Mallory KPI', unit: '', target: 1 })).server,
    ];
    for (const res of await Promise.all(writes)) expect(res).toEqual({ type: 'success' });
  });

  const aliceRows = async () => ({
    kpi: await sql`SELECT organization_id, name FROM kpi WHERE id = ${ids.kpi}`,
    point: await sql`SELECT organization_id, value, note FROM data_point WHERE id = ${ids.point}`,
    goal: await sql`SELECT organization_id, title FROM goal WHERE id = ${ids.goal}`,
    option: await sql`SELECT organization_id, value FROM kpi_option WHERE id = ${ids.option}`,
  });
  const untouched = () => ({
    kpi: [{ organization_id: orgA, name: 'Alice revenue' }],
    point: [{ organization_id: orgA, value: 7, note: 'alice' }],
    goal: [{ organization_id: orgA, title: 'Alice goal' }],
    option: [{ organization_id: orgA, value: 'widgets' }],
  });

  test("every insert mutator refuses another organization's id and leaves its row alone", async () => {
    const attempts = [
      zm.mutate(mutators.kpi.create({ id: ids.kpi, name: 'Hijack', unit: '', target: 1 })).server,
      zm.mutate(mutators.dataPoint.add({ id: ids.point, kpiID: ids.mine, value: 1 })).server,
      zm.mutate(
        mutators.dataPoint.import({
          kpiID: ids.mine,
          rows: [
            { id: randomUUID(), value: 2, recordedAt: Date.now() - 1000 },
            { id: ids.point, value: 3, recordedAt: Date.now() },
          ],
        }),
      ).server,
      zm.mutate(mutators.goal.create({ id: ids.goal, title: 'Hijack', targetDate: Date.UTC(2030, 0, 1) })).server,
      zm.mutate(mutators.kpiOption.add({ id: ids.option, kind: 'category', value: 'hijack' })).server,
    ];
    for (const res of await Promise.all(attempts)) expectConflict(res);
    expect(await aliceRows()).toEqual(untouched());
    // Nothing of Mallory's attempts was written either (the import is all or nothing).
    expect(await sql`SELECT count(*)::int AS n FROM data_point WHERE organization_id = ${orgM}`).toEqual([{ n: 0 }]);
    expect(await sql`SELECT count(*)::int AS n FROM goal WHERE organization_id = ${orgM}`).toEqual([{ n: 0 }]);
    expect(await sql`SELECT count(*)::int AS n FROM kpi_option WHERE organization_id = ${orgM}`).toEqual([{ n: 0 }]);
  });

  test('the refused row shows optimistically, then goes, and the client hears why', async () => {
    const list = watch<{ id: string; name: string }[]>(zm, queries.kpis.list({ orgID: orgM }));
    await list.until((rows) => rows.some((k) => k.id === ids.mine));
    const write = zm.mutate(mutators.kpi.create({ id: ids.kpi, name: 'Hijack again', unit: '', target: 1 }));
    expectConflict(await write.server);
    expect(list.history().some((rows) => rows.some((k) => k.id === ids.kpi))).toBe(true);
    await list.until((rows) => !rows.some((k) => k.id === ids.kpi));
    expect(await aliceRows()).toEqual(untouched());
  });

  test("an id taken in one's own organization is a conflict too", async () => {
    expectConflict(await za.mutate(mutators.kpi.create({ id: ids.kpi, name: 'Twice', unit: '', target: 1 })).server);
    const dup = randomUUID();
    const twice = [
      { id: dup, value: 1, recordedAt: Date.now() - 1000 },
      { id: dup, value: 2, recordedAt: Date.now() },
    ];
    expectConflict(await za.mutate(mutators.dataPoint.import({ kpiID: ids.kpi, rows: twice })).server);
    expect(await sql`SELECT count(*)::int AS n FROM data_point WHERE id = ${dup}`).toEqual([{ n: 0 }]);
    expect(await aliceRows()).toEqual(untouched());
  });
});
