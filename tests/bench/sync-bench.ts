import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import type { Kpi } from '../../sync/schema.ts';
import { addMember, createOrg, type Person, signUp } from '../helpers/people.ts';
import { useStack } from '../helpers/stack-info.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import { openZero, type TestZero, watch } from '../helpers/zero-client.ts';

/**
 * `npm run bench:sync`: N reader clients (each a member of one organization,
 * subscribed to its KPI list) and one writer adding data points through the
 * mutator. A sample is the time from the writer's mutate call until every
 * reader shows the new current value. All clients share this process (and
 * the machine's two cores) with the stack.
 */
const SIZES = (process.env.BENCH_CLIENTS ?? '1,10,50').split(',').map(Number);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const GAP_MS = 50;

interface Row {
  clients: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  samples: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? Number.NaN) * 10) / 10;
}

async function runSize(n: number, writer: Person, orgID: string, kpiID: string, readers: Person[]): Promise<Row> {
  const clients: TestZero[] = readers.slice(0, n).map((p) => openZero(p, orgID));
  const views = clients.map((z) => watch<Kpi[]>(z, queries.kpis.list({ orgID })));
  await Promise.all(views.map((v) => v.until((rows) => rows.some((k) => k.id === kpiID), 60_000)));
  const writerZero = openZero(writer, orgID);
  const writerView = watch<Kpi[]>(writerZero, queries.kpis.list({ orgID }));
  await writerView.until((rows) => rows.some((k) => k.id === kpiID), 60_000);

  const latencies: number[] = [];
  const warmup = 3;
  for (let i = 0; i < SAMPLES + warmup; i++) {
    const value = n * 100_000 + i;
    const seen = views.map((v) => v.until((rows) => rows.find((k) => k.id === kpiID)?.currentValue === value, 30_000));
    const t0 = performance.now();
    writerZero.mutate(mutators.dataPoint.add({ id: randomUUID(), kpiID, value }));
    await Promise.all(seen.map((p) => p.then(() => undefined)));
    if (i >= warmup) latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  for (const v of views) v.destroy();
  writerView.destroy();
  await Promise.all([...clients, writerZero].map((z) => z.close()));
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    clients: n,
    p50_ms: percentile(sorted, 50),
    p95_ms: percentile(sorted, 95),
    p99_ms: percentile(sorted, 99),
    samples: sorted.length,
  };
}

const stack = await startTestStack();
try {
  useStack(stack.info);
  const writer = await signUp('Bench writer');
  const orgID = await createOrg(writer, 'Bench org');
  const max = Math.max(...SIZES);
  console.log(`preparing ${max} reader accounts ...`);
  const readers: Person[] = [];
  for (let i = 0; i < max; i++) {
    const p = await signUp(`Reader ${i + 1}`);
    await addMember(writer, orgID, p, 'viewer');
    readers.push(p);
  }
  const setup = openZero(writer, orgID);
  const kpiID = randomUUID();
  const made = await setup.mutate(mutators.kpi.create({ id: kpiID, name: 'Throughput', unit: 'count', target: 1000 })).server;
  if (made.type !== 'success') throw new Error(`could not create the KPI: ${JSON.stringify(made)}`);
  await setup.close();

  const rows: Row[] = [];
  for (const n of SIZES) {
    const row = await runSize(n, writer, orgID, kpiID, readers);
    rows.push(row);
    console.log(`  ${n} clients: p50 ${row.p50_ms} ms, p95 ${row.p95_ms} ms, p99 ${row.p99_ms} ms (${row.samples} samples)`);
  }
  console.log('\nmutate call -> visible in every reader (ms)');
  console.table(rows);
  const out = path.resolve('bench-results', 'sync.json');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await stack.stop();
}
process.exit(0);
