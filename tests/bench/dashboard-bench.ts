import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import type { Goal } from '../../sync/schema.ts';
import { launchBrowser, personContext } from '../helpers/browser.ts';
import { addMember, createOrg, signUp } from '../helpers/people.ts';
import { useStack } from '../helpers/stack-info.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import { openZero, watch } from '../helpers/zero-client.ts';
import { percentile, writeBenchResult } from './bench-output.ts';

/**
 * `npm run bench:dashboard`: an organization with KPIS KPIs of POINTS points
 * each. Measures (1) the time until the dashboard grid shows every card in
 * headless Chromium, cold (empty local store) and warm (reload with the local
 * store filled), and (2) the time from one data point's mutate call to a
 * goal's progress moving on a second client.
 */
const KPIS = Number(process.env.BENCH_KPIS ?? 500);
const POINTS = Number(process.env.BENCH_POINTS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GOAL_SAMPLES = Number(process.env.BENCH_GOAL_SAMPLES ?? 20);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (n: number) => Math.round(n);

const stack = await startTestStack();
try {
  useStack(stack.info);
  const owner = await signUp('Bench owner');
  const orgID = await createOrg(owner, 'Dashboard bench');
  const watcher = await signUp('Goal watcher');
  await addMember(owner, orgID, watcher, 'viewer');

  console.log(`seeding ${KPIS} KPIs x ${POINTS} points ...`);
  const t0 = performance.now();
  const sql = postgres(stack.info.databaseUrl, { max: 1, onnotice: () => {} });
  await sql.begin(async (tx) => {
    await tx`SELECT set_config('app.user_id', ${owner.userID}, true), set_config('app.source', 'bench:seed', true)`;
    await tx`INSERT INTO kpi (id, organization_id, name, unit, target, category, created_by, owner_id, created_at, updated_at)
      SELECT 'bench-' || g, ${orgID}, 'KPI ' || lpad(g::text, 4, '0'), 'count', 1000, 'operations', ${owner.userID}, ${owner.userID}, now(), now()
      FROM generate_series(1, ${KPIS}) g`;
    await tx`INSERT INTO data_point (id, organization_id, kpi_id, value, recorded_at, created_by, created_at)
      SELECT 'bench-' || k || '-' || p, ${orgID}, 'bench-' || k, 400 + p * 2 + (k % 17), now() - make_interval(days => ${POINTS} - p), ${owner.userID}, now()
      FROM generate_series(1, ${KPIS}) k, generate_series(1, ${POINTS}) p`;
    await tx`UPDATE kpi SET current_value = 400 + ${POINTS} * 2 + (split_part(id, '-', 2)::int % 17), current_at = now() - interval '1 day'
      WHERE organization_id = ${orgID}`;
  });
  await sql.end();
  const seedMs = performance.now() - t0;
  console.log(`seeded in ${(seedMs / 1000).toFixed(1)} s`);

  // (1) The grid in a real browser.
  const browser = await launchBrowser();
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await personContext(browser, owner, { signedIn: true });
    const page = await context.newPage();
    const cards = page.locator('article[data-kpi-id]');
    let start = performance.now();
    await page.goto('/');
    await page.waitForFunction((n) => document.querySelectorAll('article[data-kpi-id]').length >= n, KPIS, { timeout: 120_000 });
    cold.push(performance.now() - start);
    start = performance.now();
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('article[data-kpi-id]').length >= n, KPIS, { timeout: 120_000 });
    warm.push(performance.now() - start);
    console.log(
      `  run ${run + 1}: cold ${round(cold.at(-1) ?? 0)} ms, warm ${round(warm.at(-1) ?? 0)} ms (${await cards.count()} cards)`,
    );
    await context.close();
  }
  await browser.close();

  // (2) One data point moves a goal's progress on a second client.
  const writer = openZero(owner, orgID);
  const reader = openZero(watcher, orgID);
  const goalID = randomUUID();
  const target = Date.now() + 90 * 24 * 3600 * 1000;
  const made = await writer.mutate(
    mutators.goal.create({
      id: goalID,
      title: 'Bench goal',
      targetDate: target,
      kpis: [
        { kpiID: 'bench-1', weight: 1 },
        { kpiID: 'bench-2', weight: 3 },
      ],
    }),
  ).server;
  if (made.type !== 'success') throw new Error(`goal not created: ${JSON.stringify(made)}`);
  const goal = watch<Goal | undefined>(reader, queries.goals.byId({ orgID, goalID }));
  await goal.until((g) => g?.progress !== null && g?.progress !== undefined, 30_000);
  const goalMs: number[] = [];
  for (let i = 0; i < GOAL_SAMPLES + 2; i++) {
    const before = goal.current()?.progress;
    const value = 100 + i * 37; // each sample moves bench-1's progress
    const moved = goal.until((g) => g?.progress !== before, 30_000);
    const start = performance.now();
    writer.mutate(mutators.dataPoint.add({ id: randomUUID(), kpiID: 'bench-1', value }));
    await moved;
    if (i >= 2) goalMs.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.all([writer.close(), reader.close()]);

  const result = {
    kpis: KPIS,
    points_per_kpi: POINTS,
    seed_ms: round(seedMs),
    grid_cold_ms: { runs: cold.map(round), median: round(median(cold)) },
    grid_warm_ms: { runs: warm.map(round), median: round(median(warm)) },
    goal_progress_ms: { p50: round(percentile(goalMs, 50)), p95: round(percentile(goalMs, 95)), samples: goalMs.length },
  };
  console.log('\ndashboard benchmark');
  console.table([
    { measure: `grid shows ${KPIS} cards, cold (median of ${RUNS})`, ms: result.grid_cold_ms.median },
    { measure: `grid shows ${KPIS} cards, warm local store (median of ${RUNS})`, ms: result.grid_warm_ms.median },
    { measure: 'data point -> goal progress on a 2nd client, p50', ms: result.goal_progress_ms.p50 },
    { measure: 'data point -> goal progress on a 2nd client, p95', ms: result.goal_progress_ms.p95 },
  ]);
  await writeBenchResult('dashboard', result);
} finally {
  await stack.stop();
}
process.exit(0);
