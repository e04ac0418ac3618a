import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { INSIGHT_JOB } from '../../server/insights/jobs.ts';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import type { Goal, Insight } from '../../sync/schema.ts';
import { JOB_DEADLINE_MS } from '../helpers/deadlines.ts';
import { createOrg, type Person, signUp, team } from '../helpers/people.ts';
import { openZero, type TestZero, watch } from '../helpers/zero-client.ts';

const DAY = 86_400_000;
const sql = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
const clients: TestZero[] = [];

function open(person: Person, orgID: string): TestZero {
  const z = openZero(person, orgID);
  clients.push(z);
  return z;
}

/** Adds points one day apart, the last one `endDaysAgo` days ago, all sent at once (a burst). Returns their ids. */
async function addPoints(z: TestZero, kpiID: string, values: number[], endDaysAgo = 1): Promise<string[]> {
  const now = Date.now();
  const ids = values.map(() => randomUUID());
  const writes = values.map(
    (value, i) =>
      z.mutate(
        mutators.dataPoint.add({ id: ids[i]!, kpiID, value, recordedAt: now - (endDaysAgo + values.length - 1 - i) * DAY }),
      ).server,
  );
  for (const result of await Promise.all(writes)) expect(result.type).toBe('success');
  return ids;
}

async function createKpi(z: TestZero, fields: { name: string; target: number; unit?: string }): Promise<string> {
  const id = randomUUID();
  const result = await z.mutate(mutators.kpi.create({ id, unit: 'count', ...fields })).server;
  expect(result.type).toBe('success');
  return id;
}

const insightCount = async (kpiID: string) =>
  Number((await sql`SELECT count(*) AS n FROM insight WHERE kpi_id = ${kpiID}`)[0]!.n);

/** Recomputes of a KPI that are queued (debouncing), running or due for a retry. */
const recomputesQueued = async (orgID: string, kpiID: string) =>
  Number(
    (
      await sql`SELECT count(*) AS n FROM pgboss.job
        WHERE name = ${INSIGHT_JOB} AND singleton_key = ${`${orgID}:${kpiID}`} AND state IN ('created', 'retry', 'active')`
    )[0]!.n,
  );

/** The number of points the newest insight was computed from. */
const countOf = (rows: Insight[]) => (rows[0]?.facts as { count?: number } | undefined)?.count;

describe('insights after data points land', () => {
  let org: string;
  let owner: Person;
  let operator: Person;
  let ownerZero: TestZero;
  let operatorZero: TestZero;

  beforeAll(async () => {
    const t = await team(['operator']);
    ({ orgID: org, owner, operator } = t);
    ownerZero = open(owner, org);
    operatorZero = open(operator, org);
  });
  afterAll(async () => {
    await Promise.all(clients.map((z) => z.close()));
    await sql.end({ timeout: 2 });
  });

  test('a rising series gets an insight with an upward trend, high confidence and the rules narrator', async () => {
    const kpiID = await createKpi(ownerZero, { name: 'Weekly signups', target: 500 });
    const insights = watch<Insight[]>(operatorZero, queries.insights.forKpi({ orgID: org, kpiID }));
    await insights.until((rows) => rows.length === 0);

    await addPoints(operatorZero, kpiID, [100, 112, 119, 133, 140, 151, 160, 172]);
    // A busy server may take the burst in more than one push, and a recompute
    // may run between them and see part of it (already rising). The follow-up
    // recompute reads all eight: that is the insight this test describes.
    const [latest] = await insights.until((rows) => countOf(rows) === 8, JOB_DEADLINE_MS);
    expect(latest!.trend).toBe('up');
    expect(latest!.confidence).toBeGreaterThan(0.9);
    expect(latest!.narrator).toBe('rules');
    expect(latest!.model).toBeNull();
    expect(latest!.summary).toMatch(/Weekly signups is rising/);
    expect(latest!.organizationID).toBe(org);
    expect((latest!.facts as { count: number }).count).toBe(8);
  });

  test('deleting a point (whose args name only the point) recomputes its KPI', async () => {
    const kpiID = await createKpi(ownerZero, { name: 'Tickets closed', target: 90 });
    const insights = watch<Insight[]>(ownerZero, queries.insights.forKpi({ orgID: org, kpiID }));
    const ids = await addPoints(operatorZero, kpiID, [10, 20, 30, 40, 50, 60]);
    await insights.until((rows) => countOf(rows) === 6, JOB_DEADLINE_MS);

    // Only managers and above may delete points.
    expect((await ownerZero.mutate(mutators.dataPoint.delete({ id: ids[5]! })).server).type).toBe('success');
    const [latest] = await insights.until((rows) => countOf(rows) === 5, JOB_DEADLINE_MS);
    expect((latest!.facts as { latestValue: number }).latestValue).toBe(50);
  });

  test('a burst of 10 points for one KPI yields far fewer than 10 insights', async () => {
    const kpiID = await createKpi(ownerZero, { name: 'Orders', target: 1000 });
    const insights = watch<Insight[]>(ownerZero, queries.insights.forKpi({ orgID: org, kpiID, limit: 50 }));
    await addPoints(operatorZero, kpiID, [5, 9, 4, 12, 15, 11, 19, 23, 20, 28]);
    await insights.until((rows) => countOf(rows) === 10, JOB_DEADLINE_MS);
    // Let any follow-up recompute finish before counting.
    await expect.poll(() => recomputesQueued(org, kpiID), { timeout: JOB_DEADLINE_MS }).toBe(0);
    const count = await insightCount(kpiID);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(3);
  });

  test('the pace of a goal fed by the KPI is set by the job', async () => {
    const kpiID = await createKpi(ownerZero, { name: 'Active accounts', target: 100 });
    await addPoints(operatorZero, kpiID, [50, 55, 60, 65, 70, 75, 80, 85], 20);
    const goalID = randomUUID();
    const created = await ownerZero.mutate(
      mutators.goal.create({
        id: goalID,
        title: 'Grow accounts',
        targetDate: Date.now() + 60 * DAY,
        kpis: [{ kpiID, weight: 1 }],
      }),
    ).server;
    expect(created.type).toBe('success');
    const goal = watch<Goal | undefined>(operatorZero, queries.goals.byId({ orgID: org, goalID }));
    const g = await goal.until((row) => row?.pace === 'on-track', JOB_DEADLINE_MS);
    expect(g?.progress).toBeCloseTo(0.85, 5);

    // Later points moving away from the target drag the pace down.
    await addPoints(operatorZero, kpiID, [40, 30, 20, 15, 10, 8, 6, 5, 4, 3, 2, 1], 0);
    await goal.until((row) => row?.pace === 'off-track', JOB_DEADLINE_MS);
  });

  test("the job writes as the member who added the points, with source 'job:insights', in that member's organization", async () => {
    const kpiID = await createKpi(ownerZero, { name: 'NPS', target: 60, unit: 'score' });
    const insights = watch<Insight[]>(ownerZero, queries.insights.forKpi({ orgID: org, kpiID }));
    await addPoints(operatorZero, kpiID, [20, 25, 31, 36, 40]);
    const [latest] = await insights.until((rows) => rows.length > 0, JOB_DEADLINE_MS);

    const audit = await sql<{ actor_id: string; source: string; organization_id: string; action: string }[]>`
      SELECT actor_id, source, organization_id, action FROM audit_log WHERE table_name = 'insight' AND row_id = ${latest!.id}`;
    expect(audit).toEqual([{ actor_id: operator.userID, source: 'job:insights', organization_id: org, action: 'insert' }]);
  });

  test('an insight never reaches another organization', async () => {
    const kpiID = await createKpi(ownerZero, { name: 'Revenue', target: 10_000, unit: '$' });
    const insights = watch<Insight[]>(ownerZero, queries.insights.forKpi({ orgID: org, kpiID }));
    await addPoints(operatorZero, kpiID, [1000, 1500, 2100, 2600, 3300]);
    await insights.until((rows) => rows.length > 0, JOB_DEADLINE_MS);

    const outsider = await signUp('Outsider');
    const other = await createOrg(outsider);
    const peekers = [
      // Naming the other organization's id as the argument...
      watch<Insight[]>(open(outsider, other), queries.insights.forKpi({ orgID: org, kpiID })),
      // ...or asking for the KPI within one's own organization.
      watch<Insight[]>(open(outsider, other), queries.insights.forKpi({ orgID: other, kpiID })),
    ];
    for (const view of peekers) {
      await view.until(() => true);
      expect(view.current()).toEqual([]);
    }
  });
});
