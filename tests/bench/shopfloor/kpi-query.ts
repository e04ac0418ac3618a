import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { rest } from '../../helpers/rest.ts';
import { percentile } from '../bench-output.ts';
import type { ShopFloorBenchContext } from './context.ts';

/**
 * Every KPI over 1,000,000 production entries of one line over 3 months
 * (seed 004's promise: under 100 ms). The entries are loaded as the owner
 * with plain INSERT ... SELECT generate_series in chunks, the rollup
 * triggers active (so the rollups are what the database keeps, not a
 * rebuild); the row audit trigger is switched off for the load, which is
 * not what is measured here. Then GET /api/kpi/all for the line and the
 * range is timed over RUNS runs (after WARMUP), end to end over HTTP.
 */
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const CHUNK = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 2;
const FROM = '2026-01-01';
const TO = '2026-03-31';
const DAYS = 90;

const ms = (n: number) => Math.round(n * 10) / 10;

export async function run(ctx: ShopFloorBenchContext): Promise<Record<string, unknown>> {
  const { adminSql: sql, orgID, owner } = ctx;
  const id = (name: string) => `kq-${orgID}-${name}`;
  const line = id('line');
  const shifts = [id('early'), id('late'), id('night')];
  const products = [id('p1'), id('p2'), id('p3'), id('p4')];
  const orders = [id('wo1'), id('wo2'), id('wo3'), id('wo4')];
  await sql.begin(async (tx) => {
    await tx`SELECT set_config('app.user_id', ${owner.userID}, true), set_config('app.source', 'bench:seed', true)`;
    await tx`INSERT INTO sf_line (id, organization_id, name, created_at, updated_at) VALUES (${line}, ${orgID}, 'Bench line', now(), now())`;
    await tx`
      INSERT INTO sf_shift (id, organization_id, name, start_time, end_time, breaks, created_at, updated_at) VALUES
        (${shifts[0] as string}, ${orgID}, 'Early', '06:00', '14:00', '[{"start": "10:00", "end": "10:30"}]', now(), now()),
        (${shifts[1] as string}, ${orgID}, 'Late', '14:00', '22:00', '[{"start": "18:00", "end": "18:30"}]', now(), now()),
        (${shifts[2] as string}, ${orgID}, 'Night', '22:00', '06:00', '[]', now(), now())`;
    // The fourth product has no ideal cycle time: inference fills it from its history.
    await tx`
      INSERT INTO sf_product (id, organization_id, code, name, ideal_cycle_seconds, created_at, updated_at)
      SELECT (${products}::text[])[i], ${orgID}, 'P' || i, 'Product ' || i, (ARRAY[30, 45, 60, NULL])[i], now(), now()
        FROM generate_series(1, 4) i`;
    await tx`
      INSERT INTO sf_work_order (id, organization_id, number, product_id, planned_quantity, planned_ship_date, actual_ship_date,
        status, created_at, updated_at)
      SELECT (${orders}::text[])[i], ${orgID}, 'WO-' || i, (${products}::text[])[i], 1000000, ${TO}::date - i,
        CASE WHEN i <= 2 THEN ${TO}::date - i - (i - 1) * 3 + 2 END, CASE WHEN i <= 2 THEN 'COMPLETED' ELSE 'ACTIVE' END, now(), now()
        FROM generate_series(1, 4) i`;
  });

  ctx.log(`loading ${ENTRIES.toLocaleString('en')} production entries (rollup triggers on, row audit off) ...`);
  await sql`ALTER TABLE sf_production_entry DISABLE TRIGGER sf_production_entry_audit`;
  const loadStart = performance.now();
  try {
    for (let lo = 1; lo <= ENTRIES; lo += CHUNK) {
      const hi = Math.min(ENTRIES, lo + CHUNK - 1);
      await sql`
        INSERT INTO sf_production_entry (id, organization_id, work_order_id, line_id, shift_id, shift_date, units_produced,
          units_defective, run_hours, employees_assigned, employees_present, created_at, updated_at)
        SELECT ${id('e-')} || g, ${orgID}, (${orders}::text[])[1 + g % 4], ${line}, (${shifts}::text[])[1 + (g / 4) % 3],
               ${FROM}::date + ((g / 12) % ${DAYS})::int, 40 + g % 30, g % 3, 6 + (g % 10) * 0.1, 3 + g % 3,
               CASE WHEN g % 5 = 0 THEN 2 + g % 3 END, now(), now()
          FROM generate_series(${lo}::int, ${hi}::int) g`;
    }
  } finally {
    await sql`ALTER TABLE sf_production_entry ENABLE TRIGGER sf_production_entry_audit`;
  }
  const loadS = (performance.now() - loadStart) / 1000;
  ctx.log(`loaded in ${loadS.toFixed(1)} s`);
  // A stop every day and a quality check every shift, through the same triggers.
  await sql.begin(async (tx) => {
    await tx`SELECT set_config('app.user_id', ${owner.userID}, true), set_config('app.source', 'bench:seed', true)`;
    await tx`INSERT INTO sf_downtime_reason (id, organization_id, code, name, planned, created_at, updated_at)
             VALUES (${id('mech')}, ${orgID}, 'MECH', 'Mechanical', false, now(), now())`;
    await tx`
      INSERT INTO sf_downtime_entry (id, organization_id, line_id, reason_id, work_order_id, started_at, duration_minutes, created_at, updated_at)
      SELECT ${id('d-')} || d, ${orgID}, ${line}, ${id('mech')}, (${orders}::text[])[1 + d % 4],
             (${FROM}::date + d)::timestamp AT TIME ZONE 'UTC' + interval '9 hours', 15 + d % 30, now(), now()
        FROM generate_series(0, ${DAYS - 1}) d`;
    await tx`
      INSERT INTO sf_quality_entry (id, organization_id, work_order_id, line_id, shift_id, shift_date, inspected, scrap, rework,
        defects, created_at, updated_at)
      SELECT ${id('q-')} || d || '-' || s, ${orgID}, (${orders}::text[])[1 + d % 4], ${line}, (${shifts}::text[])[s], ${FROM}::date + d,
             200, d % 4, d % 3, '{}', now(), now()
        FROM generate_series(0, ${DAYS - 1}) d, generate_series(1, 3) s`;
  });
  const [check] = await sql<{ rollups: number; stored: number; entries: number }[]>`
    SELECT (SELECT count(*)::int FROM sf_shift_rollup WHERE organization_id = ${orgID}) AS rollups,
           (SELECT sum(units_produced)::float8 FROM sf_shift_rollup WHERE organization_id = ${orgID}) AS stored,
           (SELECT sum(units_produced)::float8 FROM sf_production_entry WHERE organization_id = ${orgID}) AS entries`;
  if (!check || check.stored !== check.entries) throw new Error(`rollups disagree with the entries: ${JSON.stringify(check)}`);
  ctx.log(`${check.rollups} rollup rows hold ${check.entries.toLocaleString('en')} units`);
  // Settled before timing: no autovacuum of the million new rows running under the requests.
  await sql`VACUUM ANALYZE sf_production_entry`;
  await sql`VACUUM ANALYZE sf_shift_rollup`;

  // The three requests take turns, so a busy moment of the machine weighs on each alike.
  const paths = {
    all: `/api/kpi/all?line=${line}&from=${FROM}&to=${TO}`,
    byDay: `/api/kpi/all?line=${line}&from=${FROM}&to=${TO}&groupBy=day`,
    // The floor under the same conditions: an authenticated read of one small row (session, tenant transaction, HTTP).
    floor: `/api/lines/${line}`,
  };
  const samples = { all: [] as number[], byDay: [] as number[], floor: [] as number[] };
  let counted: number | undefined;
  let oee: number | null = null;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const [name, path] of Object.entries(paths) as [keyof typeof paths, string][]) {
      const start = performance.now();
      const res = await rest({ person: owner, org: orgID }, 'GET', path);
      const took = performance.now() - start;
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      if (i >= WARMUP) samples[name].push(took);
      if (name === 'all') {
        counted = res.body.inputs?.productionEntries;
        oee = res.body.results?.oee?.value ?? null;
      }
    }
  }
  if (counted !== ENTRIES) throw new Error(`GET /api/kpi/all counted ${counted} entries, not ${ENTRIES}`);
  const all = { samples: samples.all };
  const byDay = { samples: samples.byDay };
  const floor = { samples: samples.floor };
  const result = {
    entries: ENTRIES,
    line_days: DAYS,
    rollup_rows: check.rollups,
    load: {
      seconds: Math.round(loadS * 10) / 10,
      how: `INSERT ... SELECT generate_series as the owner, ${CHUNK.toLocaleString('en')} rows a statement, rollup triggers active (deltas), row audit trigger disabled for the load`,
    },
    kpi_all_ms: {
      p50: ms(percentile(all.samples, 50)),
      p95: ms(percentile(all.samples, 95)),
      runs: RUNS,
      target: 100,
      request: 'GET /api/kpi/all?line&from&to (3 months), over HTTP with a session',
    },
    kpi_all_by_day_ms: {
      p50: ms(percentile(byDay.samples, 50)),
      p95: ms(percentile(byDay.samples, 95)),
      runs: RUNS,
      request: 'the same with groupBy=day (90 groups)',
    },
    floor_ms: {
      p50: ms(percentile(floor.samples, 50)),
      p95: ms(percentile(floor.samples, 95)),
      runs: RUNS,
      request: 'GET /api/lines/{id}: the same session, tenant transaction and HTTP, one small row',
    },
    load_average: loadavg().map((n) => Math.round(n * 100) / 100),
    oee,
  };
  console.table([
    { measure: `load ${ENTRIES.toLocaleString('en')} entries (s)`, value: result.load.seconds },
    { measure: 'GET /api/kpi/all, 3 months, one line: p50 (ms)', value: result.kpi_all_ms.p50 },
    { measure: 'GET /api/kpi/all, 3 months, one line: p95 (ms)', value: result.kpi_all_ms.p95 },
    { measure: '  grouped by day: p50 (ms)', value: result.kpi_all_by_day_ms.p50 },
    { measure: '  grouped by day: p95 (ms)', value: result.kpi_all_by_day_ms.p95 },
    { measure: 'floor, GET /api/lines/{id}: p50 (ms)', value: result.floor_ms.p50 },
    { measure: 'floor, GET /api/lines/{id}: p95 (ms)', value: result.floor_ms.p95 },
  ]);
  return result;
}
