import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { healthBreakdown, monthOf } from '../../../shared/health/breakdown.ts';
import { DEFAULT_CATEGORY_WEIGHTS } from '../../../shared/health/weights.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { AccountHealth, HealthRescore } from '../../../sync/schema.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { JOB_DEADLINE_MS } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { createKpi, expectError, expectStatus, type RestAuth, rest } from '../../helpers/rest.ts';
import { useZeroClients, watch } from '../../helpers/zero-client.ts';

/** NPS-like, higher is better. Version "a" and, with every band moved up, version "b". */
const NPS_A = {
  unit: 'pts',
  higherIsBetter: true,
  critical: { min: -100, max: 0 },
  risk: { min: 0, max: 30 },
  healthy: { min: 30, max: 100 },
};
const NPS_B = { ...NPS_A, risk: { min: 0, max: 60 }, healthy: { min: 60, max: 100 } };
/** Lower is better. */
const CHURN = {
  unit: '%',
  higherIsBetter: false,
  healthy: { min: 0, max: 5 },
  risk: { min: 5, max: 10 },
  critical: { min: 10, max: 50 },
};

/** What the shared scoring gives for these (name, category, value, range) KPIs under the default weights. */
function expected(kpis: { name: string; category: string; value: number | null; range: typeof NPS_A | null }[]) {
  return healthBreakdown(
    DEFAULT_CATEGORY_WEIGHTS,
    kpis.map((k, i) => ({ id: `k${i}`, weight: 1, valueAt: null, ...k })),
  );
}

/** The mid-month instant `back` months before the current one. */
function monthsAgo(back: number): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15, 12);
}

describe('live health: stored, recomputed after every change, trended by month, re-scored', () => {
  const org = useOrg('Live health', { ada: 'owner', mia: 'manager', otto: 'operator', vic: 'viewer' });
  const other = useOrg('Health elsewhere', { ivan: 'owner' });
  const sql = useAdminSql();
  const openZero = useZeroClients();
  const as = (who: 'ada' | 'mia' | 'otto' | 'vic'): RestAuth => ({ person: org[who], org: org.id });
  const ivan = (): RestAuth => ({ person: other.ivan, org: other.id });

  async function account(name: string) {
    return expectStatus(await rest(as('mia'), 'POST', '/api/accounts', { name }), 201).id as string;
  }
  async function kpi(accountId: string, title: string, healthCategory: string) {
    return (await createKpi(as('mia'), { title, accountId, healthCategory, targetValue: 100, unit: '' })).id;
  }
  async function record(kpiID: string, value: number, at?: number) {
    const body = { value, ...(at ? { recordedAt: new Date(at).toISOString() } : {}) };
    expectStatus(await rest(as('ada'), 'POST', `/api/kpis/${kpiID}/records`, body), 201);
  }
  const stored = async (accountID: string) =>
    (
      await sql<{ overall: number | null; config_version: number }[]>`
      SELECT overall, config_version FROM account_health WHERE account_id = ${accountID}`
    )[0];
  async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    const deadline = Date.now() + JOB_DEADLINE_MS;
    for (;;) {
      const v = await read();
      if (ok(v)) return v;
      if (Date.now() > deadline) throw new Error(`condition not met within ${JOB_DEADLINE_MS} ms; last: ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  test('a data point on an account KPI, added through Zero, updates the stored health another client sees', async () => {
    expectStatus(await rest(as('ada'), 'PUT', '/api/reference-ranges/NPS', NPS_A), 200);
    const acme = await account('Acme');
    const nps = await kpi(acme, 'NPS', 'Relationship Strength');
    await kpi(acme, 'Unranged', 'Product Value');

    const viewer = openZero(org.vic, org.id);
    const health = watch<AccountHealth | undefined>(viewer, queries.health.account({ orgID: org.id, accountID: acme }));
    // Created with no values: stored, scored as nothing yet.
    await health.until((h) => h?.totalKpis === 2, JOB_DEADLINE_MS);
    expect(health.current()).toMatchObject({ overall: null, validKpis: 0, configVersion: 1 });

    const operator = openZero(org.otto, org.id);
    const write = await operator.mutate(mutators.dataPoint.add({ id: randomUUID(), kpiID: nps, value: 45 })).server;
    expect(write.type).toBe('success');
    const want = expected([
      { name: 'NPS', category: 'Relationship Strength', value: 45, range: NPS_A },
      { name: 'Unranged', category: 'Product Value', value: null, range: null },
    ]);
    const after = await health.until((h) => h?.overall !== null && h?.overall !== undefined, JOB_DEADLINE_MS);
    expect(after).toMatchObject({ overall: want.overall, validKpis: 1, totalKpis: 2, categories: want.categories });
    // "Why this number": each KPI with its value, band, range and score.
    expect(after?.kpis.find((k) => k.name === 'NPS')).toMatchObject({
      kpiId: nps,
      value: 45,
      status: 'healthy',
      score: want.kpis[0]?.score,
      range: { unit: 'pts', higherIsBetter: true, healthy: { min: 30, max: 100 } },
    });
    expect(after?.kpis.find((k) => k.name === 'Unranged')).toMatchObject({ value: null, status: null, score: null, range: null });

    // The same through REST, in the calculation endpoint's shape, and this month's snapshot in the trend.
    const body = expectStatus(await rest(as('vic'), 'GET', `/api/accounts/${acme}/health`), 200);
    expect(body).toEqual({
      overall: want.overall,
      categories: want.categories,
      kpis: [
        { name: 'NPS', status: 'healthy', score: want.kpis[0]?.score },
        { name: 'Unranged', status: null, score: null },
      ],
      totalKpis: 2,
      validKpis: 1,
      updatedAt: expect.any(String),
    });
    const trend = expectStatus(await rest(as('vic'), 'GET', `/api/accounts/${acme}/health/trend`), 200);
    expect(trend).toEqual({
      accountId: acme,
      months: [
        {
          month: monthOf(Date.now()),
          overall: want.overall,
          categories: want.categories,
          totalKpis: 2,
          validKpis: 1,
          configVersion: 1,
        },
      ],
    });
    health.destroy();
  });

  test('a range or weight change re-scores every account of the organization', async () => {
    const [one, two] = [await account('Globex'), await account('Initech')];
    for (const [id, value] of [
      [one, 20],
      [two, 50],
    ] as const) {
      await record(await kpi(id, 'NPS', 'Relationship Strength'), value);
    }
    const scoredA = (v: number) => expected([{ name: 'NPS', category: 'Relationship Strength', value: v, range: NPS_A }]).overall;
    const scoredB = (v: number) => expected([{ name: 'NPS', category: 'Relationship Strength', value: v, range: NPS_B }]).overall;
    await until(
      async () => [await stored(one), await stored(two)],
      ([a, b]) => a?.overall === scoredA(20) && b?.overall === scoredA(50),
    );
    expect(scoredA(50)).not.toBe(scoredB(50));

    expectStatus(await rest(as('ada'), 'PUT', '/api/reference-ranges/NPS', NPS_B), 200);
    const [a, b] = await until(
      async () => [await stored(one), await stored(two)],
      ([a, b]) => a?.overall === scoredB(20) && b?.overall === scoredB(50),
    );
    expect([a?.config_version, b?.config_version]).toEqual([2, 2]);

    // Weights: a second category with a score makes the weights matter.
    await record(await kpi(one, 'Churn', 'Business Outcomes'), 7);
    expectStatus(await rest(as('ada'), 'PUT', '/api/reference-ranges/Churn', CHURN), 200);
    const weights = { ...DEFAULT_CATEGORY_WEIGHTS, 'Business Outcomes': 0.9 };
    expectStatus(await rest(as('ada'), 'PUT', '/api/category-weights', { categoryWeights: weights }), 200);
    const want = healthBreakdown(weights, [
      { id: 'n', name: 'Churn', category: 'Business Outcomes', weight: 1, value: 7, valueAt: null, range: CHURN },
      { id: 'c', name: 'NPS', category: 'Relationship Strength', weight: 1, value: 20, valueAt: null, range: NPS_B },
    ]);
    await until(
      () => stored(one),
      (h) => h?.overall === want.overall,
    );
  });

  test('re-scoring past months under an earlier version gives that version’s numbers; the trend keeps one row per month', async () => {
    const hooli = await account('Hooli');
    const nps = await kpi(hooli, 'NPS', 'Relationship Strength');
    // Three past months, one point each; a second point in the oldest month: the month's latest counts.
    await record(nps, 10, monthsAgo(3) - 86_400_000);
    await record(nps, 25, monthsAgo(3));
    await record(nps, 40, monthsAgo(2));
    await record(nps, 55, monthsAgo(1));
    const [from, to] = [monthOf(monthsAgo(3)), monthOf(monthsAgo(1))];
    const values: Record<string, number> = { [from]: 25, [monthOf(monthsAgo(2))]: 40, [to]: 55 };

    const run = async (configVersion: number) => {
      const started = expectStatus(await rest(as('mia'), 'POST', '/api/health/rescore', { from, to, configVersion }), 202);
      expect(started).toMatchObject({ from, to, configVersion, status: 'queued', requestedBy: org.mia.userID });
      return until(
        async () => expectStatus(await rest(as('vic'), 'GET', `/api/health/rescore/${started.id}`), 200),
        (r) => r.status === 'done' || r.status === 'failed',
      );
    };
    const months = async () =>
      (
        expectStatus(await rest(as('vic'), 'GET', `/api/accounts/${hooli}/health/trend`), 200).months as {
          month: string;
          overall: number | null;
          configVersion: number;
        }[]
      )
        .filter((m) => m.month <= to)
        .map(({ month, overall, configVersion }) => ({ month, overall, configVersion }));

    // Version 1: NPS_A (set by the first test); the newest version since then scores with NPS_B.
    const done = await run(1);
    expect(done).toMatchObject({ status: 'done', error: null });
    expect(done.done).toBe(done.total);
    expect(done.total).toBeGreaterThanOrEqual(3);
    const underA = await months();
    expect(underA).toEqual(
      Object.entries(values).map(([month, v]) => ({
        month,
        configVersion: 1,
        overall: expected([{ name: 'NPS', category: 'Relationship Strength', value: v, range: NPS_A }]).overall,
      })),
    );

    const [latest] = await sql<
      { v: number }[]
    >`SELECT max(version)::int AS v FROM health_config_version WHERE organization_id = ${org.id}`;
    await run(latest?.v ?? 0);
    const underLatest = await months();
    expect(underLatest.map((m) => m.overall)).not.toEqual(underA.map((m) => m.overall));
    expect(underLatest).toEqual(
      Object.entries(values).map(([month, v]) => ({
        month,
        configVersion: latest?.v,
        overall: expected([{ name: 'NPS', category: 'Relationship Strength', value: v, range: NPS_B }]).overall,
      })),
    );

    // One row per account and month, however often re-scored; the database refuses a second.
    const [counts] = await sql<{ rows: number; months: number }[]>`
      SELECT count(*)::int AS rows, count(DISTINCT month)::int AS months FROM health_trend WHERE account_id = ${hooli}`;
    expect(counts?.rows).toBe(counts?.months);
    await expect(
      sql`INSERT INTO health_trend (id, organization_id, account_id, month, computed_at)
          VALUES (${randomUUID()}, ${org.id}, ${hooli}, ${from}, now())`,
    ).rejects.toThrow(/health_trend_account_id_month_key/);

    // Every viewer sees the runs and their progress.
    const viewer = openZero(org.vic, org.id);
    const runs = watch<HealthRescore[]>(viewer, queries.health.rescores({ orgID: org.id }));
    const seen = await runs.until((r) => r.length >= 2);
    expect(seen.every((r) => r.status === 'done' && r.done === r.total)).toBe(true);
    runs.destroy();
  });

  test('re-score requests: bad months and versions are refused naming the field; viewers may not; only managers up', async () => {
    let error = expectError(
      await rest(as('mia'), 'POST', '/api/health/rescore', { from: '2026-13', to: '2026-01' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details.map((d) => d.loc.join('.'))).toEqual(['body.from']);
    error = expectError(
      await rest(as('mia'), 'POST', '/api/health/rescore', { from: '2020-05', to: '2020-02' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details.map((d) => d.loc.join('.'))).toEqual(['body.to']);
    const month = monthOf(Date.now());
    error = expectError(
      await rest(as('mia'), 'POST', '/api/health/rescore', { from: month, to: month, configVersion: 999 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details.map((d) => d.loc.join('.'))).toEqual(['body.configVersion']);
    expectError(await rest(as('otto'), 'POST', '/api/health/rescore', { from: month, to: month }), 403, 'FORBIDDEN');
    expectError(await rest(as('vic'), 'POST', '/api/health/rescore', { from: month, to: month }), 403, 'FORBIDDEN');
  });

  test('another organization gets 404 for an account’s health, its trend and a re-score run', async () => {
    const mine = await account('Private Co');
    const run = expectStatus(
      await rest(as('mia'), 'POST', '/api/health/rescore', { from: monthOf(Date.now()), to: monthOf(Date.now()) }),
      202,
    );
    for (const path of [`/api/accounts/${mine}/health`, `/api/accounts/${mine}/health/trend`, `/api/health/rescore/${run.id}`]) {
      expectError(await rest(ivan(), 'GET', path), 404, 'NOT_FOUND');
      expectStatus(await rest(as('vic'), 'GET', path), 200);
    }
    expectError(await rest(as('vic'), 'GET', `/api/accounts/${randomUUID()}/health`), 404, 'NOT_FOUND');
  });
});
