import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { INSIGHT_JOB } from '../../server/insights/jobs.ts';
import { mutators } from '../../sync/mutators.ts';
import { useAdminSql } from '../helpers/db.ts';
import { SYNC_DEADLINE_MS } from '../helpers/deadlines.ts';
import { createKey, createKpi, type RestOwner, rest, restOwnerWithKey } from '../helpers/rest.ts';
import { createKpiThroughZero, type TestZero, useZeroClients } from '../helpers/zero-client.ts';

// Both transports run one server mutator registry, so the same write queues
// the same job whichever way it came. Read from pg-boss's table on the real stack.
const admin = useAdminSql({ max: 1 });
const openZero = useZeroClients();

/** The insight jobs ever queued for a KPI (any state). */
const jobsFor = async (orgID: string, kpiID: string) =>
  (
    await admin<{ data: unknown }[]>`SELECT data FROM pgboss.job
      WHERE name = ${INSIGHT_JOB} AND singleton_key = ${`${orgID}:${kpiID}`}`
  ).map((r) => r.data);

describe('a goal write queues its KPIs’ pace recompute through REST as through Zero', () => {
  let org: RestOwner & { key: string };
  let z: TestZero;
  beforeAll(async () => {
    org = await restOwnerWithKey('manager');
    z = openZero(org.owner, org.orgID);
  });
  const targetDate = () => Date.now() + 30 * 86_400_000;

  test('REST: POST /api/goals with a KPI queues that KPI’s recompute', async () => {
    const { owner, orgID, key } = org;
    const kpi = await createKpi({ key }, { title: 'REST goal input' });
    // A KPI created without data queues nothing, so any job now is the goal's.
    expect(await jobsFor(orgID, kpi.id)).toEqual([]);
    const res = await rest({ key }, 'POST', '/api/goals', {
      title: 'Via REST',
      targetDate: new Date(targetDate()).toISOString().slice(0, 10),
      kpis: [{ kpiId: kpi.id, weight: 2 }],
    });
    expect(res.status).toBe(201);
    await expect
      .poll(() => jobsFor(orgID, kpi.id), { timeout: SYNC_DEADLINE_MS })
      .toEqual([{ orgID, userID: owner.userID, kpiID: kpi.id }]);
  });

  test('Zero: goal.create with a KPI queues the same job', async () => {
    const { owner, orgID } = org;
    const kpiID = await createKpiThroughZero(z, { name: 'Zero goal input', unit: '$', target: 5 });
    expect(await jobsFor(orgID, kpiID)).toEqual([]);
    const goal = { id: randomUUID(), title: 'Via Zero', targetDate: targetDate(), kpis: [{ kpiID, weight: 2 }] };
    expect((await z.mutate(mutators.goal.create(goal)).server).type).toBe('success');
    await expect
      .poll(() => jobsFor(orgID, kpiID), { timeout: SYNC_DEADLINE_MS })
      .toEqual([{ orgID, userID: owner.userID, kpiID }]);
  });

  test('a refused write queues nothing', async () => {
    const { owner, orgID, key } = org;
    const kpi = await createKpi({ key }, { title: 'Refused goal input' });
    const viewerKey = (await createKey(owner, orgID, 'viewer')).key;
    const res = await rest({ key: viewerKey }, 'POST', '/api/goals', {
      title: 'Not allowed',
      targetDate: new Date(targetDate()).toISOString().slice(0, 10),
      kpis: [{ kpiId: kpi.id, weight: 1 }],
    });
    expect(res.status).toBe(403);
    // Sentinel: a permitted write for another KPI, sent after, has been queued...
    const sentinel = await createKpi({ key }, { title: 'Sentinel' });
    expect((await rest({ key }, 'POST', `/api/kpis/${sentinel.id}/records`, { value: 1 })).status).toBe(201);
    await expect.poll(() => jobsFor(orgID, sentinel.id), { timeout: SYNC_DEADLINE_MS }).toHaveLength(1);
    // ...so the refused one, sent before it, would be there too by now.
    expect(await jobsFor(orgID, kpi.id)).toEqual([]);
  });
});
