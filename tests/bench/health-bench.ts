import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { monthOf } from '../../shared/health/breakdown.ts';
import { HEALTH_CATEGORIES } from '../../shared/health/weights.ts';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import type { AccountHealth } from '../../sync/schema.ts';
import { addMember, createOrg, signUp } from '../helpers/people.ts';
import { rest } from '../helpers/rest.ts';
import { useStack } from '../helpers/stack-info.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import { openZero, watch } from '../helpers/zero-client.ts';
import { percentile, writeBenchResult } from './bench-output.ts';

/**
 * `npm run bench:health`: (1) the time from a data point's mutate call on one
 * Zero client to the account's recomputed health arriving on another (target
 * p95 < 1 s), and (2) a full re-score of ACCOUNTS accounts x KPIS KPIs x
 * MONTHS months through the real path (REST, job queue, job), in seconds,
 * with the peak RSS of this process (which runs the server and its jobs)
 * while it runs (target < 30 s). Prints the figures; asserts nothing.
 */
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1000);
const KPIS = Number(process.env.BENCH_KPIS ?? 40);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);

const round = (n: number) => Math.round(n);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const BANDS = { critical: { min: 0, max: 40 }, risk: { min: 40, max: 70 }, healthy: { min: 70, max: 100 } };

const stack = await startTestStack();
try {
  useStack(stack.info);
  const owner = await signUp('Bench owner');
  const orgID = await createOrg(owner, 'Health bench');
  const watcher = await signUp('Health watcher');
  await addMember(owner, orgID, watcher, 'viewer');

  // (1) A data point -> the recomputed health on a second client.
  const writer = openZero(owner, orgID);
  const reader = openZero(watcher, orgID);
  const ok = async (m: Parameters<typeof writer.mutate>[0]) => {
    const r = await writer.mutate(m).server;
    if (r.type !== 'success') throw new Error(`set-up write refused: ${JSON.stringify(r)}`);
  };
  const accountID = randomUUID();
  const kpiID = randomUUID();
  await ok(mutators.account.create({ id: accountID, name: 'Bench account' }));
  await ok(mutators.referenceRange.set({ id: randomUUID(), kpiName: 'Bench NPS', higherIsBetter: true, ...BANDS }));
  await ok(
    mutators.kpi.create({
      id: kpiID,
      name: 'Bench NPS',
      unit: '',
      target: 80,
      accountID,
      healthCategory: 'Relationship Strength',
    }),
  );
  const health = watch<AccountHealth | undefined>(reader, queries.health.account({ orgID, accountID }));
  await health.until((h) => h !== undefined && h.totalKpis === 1, 30_000);
  const latency: number[] = [];
  for (let i = 0; i < SAMPLES + 2; i++) {
    const before = health.current()?.overall;
    const value = 5 + ((i * 37) % 90); // every sample moves the score
    const moved = health.until((h) => h?.overall !== before && h?.overall !== undefined, 30_000);
    const start = performance.now();
    writer.mutate(mutators.dataPoint.add({ id: randomUUID(), kpiID, value }));
    await moved;
    if (i >= 2) latency.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 100));
  }
  health.destroy();
  await Promise.all([writer.close(), reader.close()]);

  // (2) A full re-score: ACCOUNTS x KPIS KPIs with one point a month for MONTHS months.
  const bigOrg = await createOrg(owner, 'Health re-score bench');
  console.log(`seeding ${ACCOUNTS} accounts x ${KPIS} KPIs x ${MONTHS} months ...`);
  const t0 = performance.now();
  const sql = postgres(stack.info.databaseUrl, { max: 1, onnotice: () => {} });
  const categories = [...HEALTH_CATEGORIES];
  await sql.begin(async (tx) => {
    await tx`SELECT set_config('app.user_id', ${owner.userID}, true), set_config('app.source', 'bench:seed', true)`;
    await tx`INSERT INTO reference_range (id, organization_id, kpi_name, unit, higher_is_better, critical_min, critical_max,
        risk_min, risk_max, healthy_min, healthy_max, updated_at)
      SELECT 'hb-range-' || k, ${bigOrg}, 'Health KPI ' || k, '', true, 0, 40, 40, 70, 70, 100, now()
      FROM generate_series(1, ${KPIS}) k`;
    await tx`INSERT INTO cs_account (id, organization_id, name, status, created_at, updated_at)
      SELECT 'hb-a-' || a, ${bigOrg}, 'Account ' || lpad(a::text, 5, '0'), 'active', now(), now()
      FROM generate_series(1, ${ACCOUNTS}) a`;
    await tx`INSERT INTO kpi (id, organization_id, name, unit, target, category, account_id, health_category, weight, created_at, updated_at)
      SELECT 'hb-k-' || a || '-' || k, ${bigOrg}, 'Health KPI ' || k, '', 100, 'general', 'hb-a-' || a,
        (${categories}::text[])[1 + (k % 5)], 1, now(), now()
      FROM generate_series(1, ${ACCOUNTS}) a, generate_series(1, ${KPIS}) k`;
    await tx`INSERT INTO data_point (id, organization_id, kpi_id, value, recorded_at, created_at)
      SELECT 'hb-p-' || a || '-' || k || '-' || m, ${bigOrg}, 'hb-k-' || a || '-' || k, (a * 7 + k * 13 + m * 5) % 100,
        date_trunc('month', now()) - make_interval(months => m) + interval '14 days', now()
      FROM generate_series(1, ${ACCOUNTS}) a, generate_series(1, ${KPIS}) k, generate_series(0, ${MONTHS - 1}) m`;
  });
  await sql.end();
  console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const now = new Date();
  const from = monthOf(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1), 1));
  const to = monthOf(Date.now());
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const run = await rest({ person: owner, org: bigOrg }, 'POST', '/api/health/rescore', { from, to });
  if (run.status !== 202) throw new Error(`re-score refused: ${run.status} ${JSON.stringify(run.body)}`);
  const runID = (run.body as { id: string }).id;
  let status = 'queued';
  let progress = { done: 0, total: 0 };
  const poll = postgres(stack.info.databaseUrl, { max: 1, onnotice: () => {} });
  while (status !== 'done' && status !== 'failed') {
    await new Promise((r) => setTimeout(r, 100));
    const [row] = await poll<{ status: string; done: number; total: number; error: string | null }[]>`
      SELECT status, done, total, error FROM health_rescore WHERE id = ${runID}`;
    status = row?.status ?? status;
    progress = { done: row?.done ?? 0, total: row?.total ?? 0 };
    if (row?.error) console.log(`re-score failed: ${row.error}`);
  }
  const rescoreS = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await poll.end();

  const result = {
    recompute_visible_ms: {
      p50: round(percentile(latency, 50)),
      p95: round(percentile(latency, 95)),
      samples: latency.length,
      target_p95: 1000,
    },
    rescore: {
      accounts: ACCOUNTS,
      kpis_per_account: KPIS,
      months: MONTHS,
      status,
      account_months: progress.total,
      seconds: Math.round(rescoreS * 10) / 10,
      target_seconds: 30,
      peak_rss_mb: mb(peak),
      rss_before_mb: mb(baseline),
      note: 'RSS of the bench process, which runs the server, its job queue and the re-score job',
    },
  };
  console.log('\nhealth benchmark');
  console.table([
    { measure: 'data point -> recomputed health on a 2nd client, p50 (ms)', value: result.recompute_visible_ms.p50 },
    { measure: 'data point -> recomputed health on a 2nd client, p95 (ms)', value: result.recompute_visible_ms.p95 },
    { measure: `re-score ${ACCOUNTS} x ${KPIS} KPIs x ${MONTHS} months (s, ${status})`, value: result.rescore.seconds },
    { measure: 'peak RSS during the re-score (MB)', value: result.rescore.peak_rss_mb },
  ]);
  await writeBenchResult('health', result);
} finally {
  await stack.stop();
}
process.exit(0);
