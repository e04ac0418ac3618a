import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Samples } from './harness.ts';

export interface Row {
  target: string;
  clients: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  /** The write's share: until the writer's client heard the server commit it. */
  commit_p50_ms: number;
  commit_p95_ms: number;
  samples: number;
}

export interface Ratio {
  clients: number;
  target: string;
  vs: string;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? Number.NaN) * 10) / 10;
}

const ascending = (xs: number[]) => [...xs].sort((a, b) => a - b);

export function summarize(target: string, clients: number, { latencies, confirms }: Samples): Row {
  const sorted = ascending(latencies);
  const commits = ascending(confirms);
  return {
    target,
    clients,
    p50_ms: percentile(sorted, 50),
    p95_ms: percentile(sorted, 95),
    p99_ms: percentile(sorted, 99),
    commit_p50_ms: percentile(commits, 50),
    commit_p95_ms: percentile(commits, 95),
    samples: sorted.length,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Every target against `floor`, per client count. */
export function ratios(rows: Row[], floor = 'floor'): Ratio[] {
  const out: Ratio[] = [];
  for (const row of rows) {
    if (row.target === floor) continue;
    const base = rows.find((r) => r.target === floor && r.clients === row.clients);
    if (!base) continue;
    out.push({
      clients: row.clients,
      target: row.target,
      vs: floor,
      p50: round2(row.p50_ms / base.p50_ms),
      p95: round2(row.p95_ms / base.p95_ms),
      p99: round2(row.p99_ms / base.p99_ms),
    });
  }
  return out;
}

export function print(rows: Row[]): void {
  console.log('\nmutate call -> visible in every reader (p50/p95/p99), and -> commit heard by the writer (commit_*), ms');
  for (const target of new Set(rows.map((r) => r.target))) {
    console.log(`\n${target}`);
    console.table(rows.filter((r) => r.target === target).map(({ target: _, ...r }) => r));
  }
  const rs = ratios(rows);
  if (rs.length) {
    console.log('\nratio to the floor (raw Zero, trivial schema)');
    console.table(rs);
  }
}

export async function writeResults(rows: Row[], meta: Record<string, unknown>): Promise<string> {
  const out = path.resolve('bench-results', 'sync.json');
  await mkdir(path.dirname(out), { recursive: true });
  const body = { ...meta, loadAverage: loadavg().map(round2), results: rows, ratios: ratios(rows) };
  await writeFile(out, `${JSON.stringify(body, null, 2)}\n`);
  return path.relative(process.cwd(), out);
}
