import { randomUUID } from 'node:crypto';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, inject, test } from 'vitest';
import { INSIGHT_JOB, insightTasks, registerInsightJobs } from '../../server/insights/jobs.ts';
import { createNarrator } from '../../server/insights/narrator.ts';
import { recomputeInsight } from '../../server/insights/recompute.ts';
import { createJobQueue } from '../../server/jobs/queue.ts';
import { queries } from '../../sync/queries.ts';
import type { Insight } from '../../sync/schema.ts';
import { useAdminSql, useAppSql } from '../helpers/db.ts';
import { JOB_DEADLINE_MS, SYNC_DEADLINE_MS } from '../helpers/deadlines.ts';
import { team } from '../helpers/people.ts';
import { createKpiThroughZero, useZeroClients, watch } from '../helpers/zero-client.ts';

const DAY = 86_400_000;
const admin = useAdminSql();
// The job's own connection: the restricted app role, under row-level security.
const app = useAppSql();
const openZero = useZeroClients();

/** A narrator whose model cites the latest point it was sent, and once an id it was not. */
function citingNarrator() {
  const model = new MockLanguageModelV4({
    modelId: 'mock-narrator',
    doGenerate: async (options) => {
      const user = options.prompt.find((m) => m.role === 'user');
      const part = user && Array.isArray(user.content) ? user.content[0] : undefined;
      const sent = JSON.parse(part && part.type === 'text' ? part.text : '{}') as {
        dataPoints: { id: string; roles: string[] }[];
      };
      const latest = sent.dataPoints.find((p) => p.roles.includes('latest'))!;
      return {
        content: [
          { type: 'text', text: `Visits keep climbing, now at the latest value [p:${latest.id}] (see also [p:not-sent]).` },
        ],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
          outputTokens: { total: 1, text: 1, reasoning: 0 },
        },
        warnings: [],
      };
    },
  });
  return { model, narrator: createNarrator({ model }) };
}

async function kpiWithPoints(values: number[]) {
  const { orgID, owner } = await team([]);
  const z = openZero(owner, orgID);
  const kpiID = await createKpiThroughZero(z, { name: 'Visits', unit: 'count', target: 400 });
  // Written straight to Postgres, so no job is queued and only the test decides what runs.
  const now = Date.now();
  const points = values.map((value, i) => ({ id: randomUUID(), value, at: new Date(now - (values.length - i) * DAY) }));
  for (const p of points) {
    await admin`INSERT INTO data_point (id, organization_id, kpi_id, value, recorded_at, created_at)
                VALUES (${p.id}, ${orgID}, ${kpiID}, ${p.value}, ${p.at}, now())`;
  }
  return { orgID, owner, z, kpiID, points };
}

describe('the insight job with an AI narrator (mock model)', () => {
  test('stores the narrative with verified citations, syncs it to members, and skips unchanged data', async () => {
    const { orgID, owner, z, kpiID, points } = await kpiWithPoints([100, 130, 155, 190, 210, 245]);

    const { model, narrator } = citingNarrator();
    const job = { orgID, userID: owner.userID, kpiID };
    expect(await recomputeInsight({ appSql: app, narrator }, job)).toBe('stored');
    expect(model.doGenerateCalls).toHaveLength(1);

    const insights = watch<Insight[]>(z, queries.insights.forKpi({ orgID, kpiID }));
    const [row] = await insights.until((rows) => rows.length === 1);
    expect(row).toMatchObject({ narrator: 'ai', model: 'mock-narrator', trend: 'up', citedPointIDs: [points[5]!.id] });
    expect(row!.summary).toBe(`Visits keep climbing, now at the latest value [p:${points[5]!.id}] (see also).`);

    // Same data, same facts: no second insight and no second model call.
    expect(await recomputeInsight({ appSql: app, narrator }, job)).toBe('unchanged');
    expect(model.doGenerateCalls).toHaveLength(1);

    const audit = await admin<{ actor_id: string; source: string }[]>`
      SELECT actor_id, source FROM audit_log WHERE table_name = 'insight' AND organization_id = ${orgID}`;
    expect(audit).toEqual([{ actor_id: owner.userID, source: 'job:insights' }]);
  });

  test('a member of another organization cannot make the job write there', async () => {
    const a = await team([]);
    const b = await team([]);
    const z = openZero(a.owner, a.orgID);
    const kpiID = await createKpiThroughZero(z, { name: 'Churn', unit: '%', target: 2 });
    // A forged job naming org A's KPI but B's owner: row-level security hides the KPI.
    const { narrator } = citingNarrator();
    expect(await recomputeInsight({ appSql: app, narrator }, { orgID: a.orgID, userID: b.owner.userID, kpiID })).toBe('missing');
    expect(await admin`SELECT 1 FROM insight WHERE kpi_id = ${kpiID}`).toHaveLength(0);
  });
});

describe('the queue lives in Postgres', () => {
  test('a recompute queued by another server instance, which then stops, is run by this one', async () => {
    const { orgID, owner, z, kpiID } = await kpiWithPoints([10, 14, 19, 22, 30]);
    // Another instance: it queues the work but runs no worker, then shuts down.
    const other = createJobQueue({ databaseUrl: inject('stack').databaseUrl, log: () => {} });
    registerInsightJobs(other, { appSql: app, narrator: createNarrator() });
    await other.start();
    other.send(insightTasks({ orgID, userID: owner.userID, kpiIDs: [kpiID] }));
    const queued = async () =>
      (await admin`SELECT 1 FROM pgboss.job WHERE name = ${INSIGHT_JOB} AND singleton_key = ${`${orgID}:${kpiID}`}`).length;
    await expect.poll(queued, { timeout: SYNC_DEADLINE_MS }).toBe(1);
    await other.stop();

    const insights = watch<Insight[]>(z, queries.insights.forKpi({ orgID, kpiID }));
    const [row] = await insights.until((rows) => rows.length > 0, JOB_DEADLINE_MS);
    expect(row).toMatchObject({ narrator: 'rules', trend: 'up' });
  });
});
