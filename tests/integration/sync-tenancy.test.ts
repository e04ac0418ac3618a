import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import type { Kpi } from '../../sync/schema.ts';
import { addMember, createOrg, type Person, signUp } from '../helpers/people.ts';
import { openZero, syncedPastNow, type TestZero, watch } from '../helpers/zero-client.ts';

describe('live sync between people, within and across organizations', () => {
  let alice: Person; // owner of org1
  let bob: Person; // operator in org1
  let carol: Person; // owner of org2 only
  let org1: string;
  let org2: string;
  const clients: TestZero[] = [];

  beforeAll(async () => {
    [alice, bob, carol] = await Promise.all([signUp('Alice'), signUp('Bob'), signUp('Carol')]);
    org1 = await createOrg(alice);
    org2 = await createOrg(carol);
    await addMember(alice, org1, bob, 'operator');
  });
  afterAll(async () => {
    await Promise.all(clients.map((z) => z.close()));
  });
  const open = (p: Person, org: string) => {
    const z = openZero(p, org);
    clients.push(z);
    return z;
  };

  test('a KPI and a data point made by one member appear for another member, and never for an outsider', async () => {
    const za = open(alice, org1);
    const zb = open(bob, org1);
    const zc = open(carol, org2);
    const bobSees = watch<Kpi[]>(zb, queries.kpis.list({ orgID: org1 }));
    // Carol asks for org1's KPIs by passing its id as the query argument.
    const carolPeeks = watch<Kpi[]>(zc, queries.kpis.list({ orgID: org1 }));
    await bobSees.until((rows) => rows.length === 0);
    await carolPeeks.until((rows) => rows.length === 0);

    const kpiID = randomUUID();
    const created = za.mutate(mutators.kpi.create({ id: kpiID, name: 'Churn rate', unit: '%', target: 2 }));
    expect((await created.server).type).toBe('success');
    await bobSees.until((rows) => rows.some((k) => k.id === kpiID && k.name === 'Churn rate'));

    const point = za.mutate(mutators.dataPoint.add({ id: randomUUID(), kpiID, value: 3.5 }));
    expect((await point.server).type).toBe('success');
    const rows = await bobSees.until((r) => r.find((k) => k.id === kpiID)?.currentValue === 3.5);
    expect(rows.find((k) => k.id === kpiID)?.organizationID).toBe(org1);

    const bobPoints = watch<{ value: number }[]>(zb, queries.dataPoints.forKpi({ orgID: org1, kpiID }));
    await bobPoints.until((p) => p.length === 1 && p[0]?.value === 3.5);

    // Once Carol's client has synced past Alice's writes, she has seen nothing of them.
    await syncedPastNow(zc, carol, org2);
    expect(carolPeeks.current()).toEqual([]);
    expect(carolPeeks.history().flat()).toEqual([]);
    const carolPoints = watch<unknown[]>(zc, queries.dataPoints.forKpi({ orgID: org1, kpiID }));
    await carolPoints.until(() => true);
    expect(carolPoints.current()).toEqual([]);
    const carolOne = watch<unknown>(zc, queries.kpis.byId({ orgID: org1, kpiID }));
    await carolOne.until(() => true);
    expect(carolOne.current()).toBeUndefined();
  });
});
