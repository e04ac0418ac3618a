import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { KPI_NAMES } from '../../../shared/shop-floor/kpi-names.ts';
import { mutators } from '../../../sync/mutators.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { useOrg } from '../../helpers/people.ts';
import { createKey, expectError, expectStatus, rest } from '../../helpers/rest.ts';
import { type TestZero, useZeroClients } from '../../helpers/zero-client.ts';
import { workOrderOf } from './rollup-aggregate.ts';

const day = (text: string) => Date.parse(text);

describe('GET /api/kpi/{name} and /api/kpi/all over stored entries', () => {
  const org = useOrg('Stored KPIs', { ada: 'owner', mia: 'manager', otto: 'operator', vic: 'viewer' });
  const other = useOrg('Stored KPIs elsewhere', { ivan: 'owner' });
  const open = useZeroClients();
  const sql = useAdminSql();
  const ids = { lineA: '', lineB: '', early: '', p1: '', p3: '', wo1: '', wo3: '', theirLine: '' };
  const get = (path: string, who: 'vic' | 'otto' = 'vic') => rest({ person: org[who], org: org.id }, 'GET', path);
  const ok = async (zero: TestZero, write: Parameters<TestZero['mutate']>[0]) => {
    const result = await zero.mutate(write).server;
    expect(result.type, JSON.stringify(result)).toBe('success');
  };
  const produce = (zero: TestZero, fields: Record<string, unknown>) =>
    ok(
      zero,
      mutators.productionEntry.create({
        id: randomUUID(),
        lineID: ids.lineA,
        shiftID: ids.early,
        employeesAssigned: 4,
        ...fields,
      } as Parameters<typeof mutators.productionEntry.create>[0]),
    );

  beforeAll(async () => {
    const z = open(org.mia, org.id);
    for (const key of ['lineA', 'lineB', 'early', 'p1', 'p3', 'theirLine'] as const) ids[key] = randomUUID();
    await ok(z, mutators.line.create({ id: ids.lineA, name: 'Line A' }));
    await ok(z, mutators.line.create({ id: ids.lineB, name: 'Line B' }));
    await ok(
      z,
      mutators.shift.create({
        id: ids.early,
        name: 'Early',
        start: '06:00',
        end: '14:00',
        breaks: [{ start: '10:00', end: '10:30' }],
      }),
    );
    await ok(z, mutators.product.create({ id: ids.p1, code: 'P1', name: 'Widget', idealCycleSeconds: 30 }));
    const order = (number: string, product: string) => workOrderOf({ person: org.mia, org: org.id }, number, product);
    ids.wo1 = await order('WO-1', 'P1');
    // P3 has no ideal cycle time: entered elsewhere (the app requires one), so inference fills it.
    await ok(z, mutators.product.create({ id: ids.p3, code: 'P3', name: 'Gizmo', idealCycleSeconds: 40 }));
    ids.wo3 = await order('WO-3', 'P3');
    await sql`UPDATE sf_product SET ideal_cycle_seconds = NULL WHERE id = ${ids.p3}`;
    const zo = open(org.otto, org.id);
    // 2026-05-04, Early (450 planned minutes of a 480 span), P1 at 30 s.
    await produce(zo, {
      workOrderID: ids.wo1,
      shiftDate: day('2026-05-04'),
      unitsProduced: 800,
      unitsDefective: 10,
      runHours: 7,
    });
    await produce(zo, {
      workOrderID: ids.wo1,
      shiftDate: day('2026-05-04'),
      unitsProduced: 700,
      unitsDefective: 5,
      runHours: 6.5,
    });
    await produce(zo, { workOrderID: ids.wo3, shiftDate: day('2026-05-05'), unitsProduced: 360, runHours: 6 });
    await produce(zo, { workOrderID: ids.wo1, shiftDate: day('2026-05-05'), unitsProduced: 100, runHours: 1, lineID: ids.lineB });
    await ok(open(other.ivan, other.id), mutators.line.create({ id: ids.theirLine, name: 'Line A' }));
  });

  test('every KPI of one line and day: pooled from the stored sums, with the inputs used', async () => {
    const all = expectStatus(await get(`/api/kpi/all?line=${ids.lineA}&from=2026-05-04&to=2026-05-04`), 200);
    expect(all.filters).toMatchObject({ line: ids.lineA, product: null, shift: null, from: '2026-05-04', to: '2026-05-04' });
    expect(all.groupBy).toBe('total');
    expect(all.inputs).toMatchObject({
      rows: 1,
      productionEntries: 2,
      unitsProduced: 1500,
      unitsDefective: 15,
      runHours: 13.5,
      plannedMinutes: 900,
      employeeMinutes: 2 * 4 * 480,
    });
    const r = all.results;
    expect(Object.keys(r)).toEqual(KPI_NAMES);
    expect(r.availability).toEqual({ value: 90, unit: '%', warnings: [], inferred: [] });
    expect(r.performance.value).toBe(Math.round((750 / 810) * 10_000) / 100);
    expect(r.performance.inferred).toEqual([
      { field: 'idealCycleSeconds', source: 'product', confidence: 1, value: 30, product: ids.p1, entries: 2 },
    ]);
    expect(r.quality.value).toBe(99);
    expect(r.oee.value).toBe(Math.round(0.9 * (750 / 810) * 0.99 * 10_000) / 100);
    // 1500 units × 30 s = 12.5 h earned over 2 entries × 4 employees × 8 h.
    expect(r.efficiency.value).toBe(Math.round((12.5 / 64) * 10_000) / 100);
    expect(r.fpy).toMatchObject({ value: null, reason: 'No records in inspections' });
    // Seed 004's names for the range answer the same.
    const seed = expectStatus(await get(`/api/kpi/all?line=Line%20A&date_from=2026-05-04&date_to=2026-05-04`), 200);
    expect(seed.results).toEqual(all.results);
  });

  test('one KPI by name, grouped by day and line; a product with no configured cycle time inferred from its history', async () => {
    const performance = expectStatus(await get('/api/kpi/performance?from=2026-05-04&to=2026-05-05&groupBy=day'), 200);
    expect(performance).toMatchObject({ name: 'performance', unit: '%', groupBy: 'day' });
    expect(performance.groups.map((g: { key: string }) => g.key)).toEqual(['2026-05-04', '2026-05-05']);
    expect(performance.groups[1].inputs).toMatchObject({ productionEntries: 2, unitsProduced: 460, runHours: 7 });
    // P3's own pace over the 30 days up to asOf: 6 h for 360 units, 60 s each, at 0.85.
    expect(performance.groups[1].inferred).toContainEqual({
      field: 'idealCycleSeconds',
      source: 'history',
      confidence: 0.85,
      value: 60,
      product: ids.p3,
      entries: 1,
    });
    expect(performance.groups[1].value).toBe(Math.round(((360 + 50) / 420) * 10_000) / 100);
    const byLine = expectStatus(await get('/api/kpi/availability?from=2026-05-04&to=2026-05-05&groupBy=line'), 200);
    expect(byLine.groups.map((g: { key: string }) => g.key)).toEqual([ids.lineA, ids.lineB]);
    // Pooled: (13.5 + 6 + 1) h run of 4 × 450 min planned, not the mean of the lines’ availabilities.
    expect(byLine.value).toBe(Math.round(((20.5 * 60) / 1800) * 10_000) / 100);
  });

  test('an unknown KPI is a 404 listing the names; a bad date or a range over 366 days a 400 naming the parameter', async () => {
    const unknown = expectError(await get('/api/kpi/uptime'), 404, 'NOT_FOUND');
    expect(unknown.message).toBe(`No KPI named “uptime”. Known KPIs: all, ${KPI_NAMES.join(', ')}`);
    const loc = async (path: string) =>
      expectError(await get(path), 400, 'VALIDATION_FAILED').details.map((d) => d.loc.join('.'));
    expect(await loc('/api/kpi/all?from=04/05/2026')).toEqual(['query.from']);
    expect(await loc('/api/kpi/oee?date_to=2026-13-01')).toEqual(['query.date_to']);
    expect(await loc('/api/kpi/all?from=2025-01-01&to=2026-05-05')).toEqual(['query.to']);
    expect(await loc('/api/kpi/all?date_from=2026-05-05&date_to=2026-05-01')).toEqual(['query.date_to']);
    expect(await loc('/api/kpi/all?groupBy=week')).toEqual(['query.groupBy']);
    expectError(await get(`/api/kpi/all?product=NOPE`), 404, 'NOT_FOUND');
  });

  test('another organization’s line is a 404, never its data; their own request sees none of ours; an API key reads too', async () => {
    const theirs = expectError(await get(`/api/kpi/all?line=${ids.theirLine}&from=2026-05-01&to=2026-05-31`), 404, 'NOT_FOUND');
    expect(theirs.message).toMatch(/^No line/);
    const ours = await rest(
      { person: other.ivan, org: other.id },
      'GET',
      `/api/kpi/oee?line=${ids.lineA}&from=2026-05-01&to=2026-05-31`,
    );
    expectError(ours, 404, 'NOT_FOUND');
    const everything = expectStatus(
      await rest({ person: other.ivan, org: other.id }, 'GET', '/api/kpi/all?from=2026-05-01&to=2026-05-31'),
      200,
    );
    expect(everything.inputs).toMatchObject({ rows: 0, productionEntries: 0, unitsProduced: 0 });
    expect(everything.results.oee).toMatchObject({ value: null, reason: 'No records in production' });
    const { key } = await createKey(org.ada, org.id, 'viewer');
    const viaKey = expectStatus(
      await rest({ key }, 'GET', `/api/kpi/quality?line=${ids.lineA}&from=2026-05-04&to=2026-05-04`),
      200,
    );
    expect(viaKey.value).toBe(99);
    expectError(await rest({}, 'GET', '/api/kpi/all'), 401, 'UNAUTHENTICATED');
  });

  test('a new entry counts at once: the rollups are current after every write', async () => {
    const before = expectStatus(await get(`/api/kpi/all?line=${ids.lineB}&from=2026-05-05&to=2026-05-05`), 200);
    await produce(open(org.otto, org.id), {
      workOrderID: ids.wo1,
      lineID: ids.lineB,
      shiftDate: day('2026-05-05'),
      unitsProduced: 50,
      runHours: 0.5,
    });
    const after = expectStatus(await get(`/api/kpi/all?line=${ids.lineB}&from=2026-05-05&to=2026-05-05`), 200);
    expect(after.inputs.unitsProduced).toBe(before.inputs.unitsProduced + 50);
  });
});
