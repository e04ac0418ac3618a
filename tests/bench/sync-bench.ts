import { uptime } from 'node:os';
import { startTestStack } from '../helpers/test-stack.ts';
import { openFloorZero } from './sync/floor-client.ts';
import { floorMutators } from './sync/floor-schema.ts';
import { startFloorStack } from './sync/floor-stack.ts';
import { measure, type Samples, spread, type Writer } from './sync/harness.ts';
import { productWriter, setUpProduct } from './sync/product-target.ts';
import type { ReaderSpec } from './sync/reader-worker.ts';
import { print, type Row, summarize, writeResults } from './sync/report.ts';

/**
 * `npm run bench:sync`: how long a write takes to reach N reader clients,
 * for the product and for its floor, with one method:
 *  - product: the real stack; N members of one organization watch its KPI
 *    list while the owner adds data points through the product mutator;
 *  - floor: raw Zero 1.9 beside it (own database, zero-cache and endpoints):
 *    N clients watch a one-table query while a writer upserts a row;
 *  - floor-join (opt-in, BENCH_TARGETS): the floor with the product's
 *    membership whereExists on the readers' query.
 * Readers run in BENCH_WORKERS forked processes; sizes and targets alternate
 * BENCH_ROUNDS times, back to back, and their samples are pooled.
 */
const SIZES = (process.env.BENCH_CLIENTS ?? '1,10,50').split(',').map(Number);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const TARGETS = (process.env.BENCH_TARGETS ?? 'product,floor').split(',').map((t) => t.trim());
const WARMUP = 3;
const GAP_MS = 50;
const FLOOR_ORG = 'bench';
const FLOOR_ITEM = 'item-1';
// Both zero-caches run with the product's settings (server/stack/zero-cache.ts:
// sessions re-checked every 60 s), not the tests' 3 s, so the product is measured as shipped.
const ZERO_ENV = { ZERO_LOG_LEVEL: 'warn' };

for (const t of TARGETS) if (!['product', 'floor', 'floor-join'].includes(t)) throw new Error(`unknown target ${t}`);
const max = Math.max(...SIZES);
const loadAtStart = uptime();
const stack = await startTestStack(undefined, ZERO_ENV);
const floor = await startFloorStack(stack.info.databaseUrl, ZERO_ENV);
try {
  console.log(`preparing ${max} reader accounts ...`);
  const product = await setUpProduct(stack.info, max);
  const writeProduct = productWriter(stack.info, product);

  const floorReaders = Array.from({ length: max }, (_, i) => `floor-reader-${i + 1}`);
  await floor.addMembers(FLOOR_ORG, [...floorReaders, 'floor-writer']);
  const floorZero = openFloorZero(floor.zeroURL, 'floor-writer');
  const first = await floorZero.mutate(floorMutators.item.set({ id: FLOOR_ITEM, org: FLOOR_ORG, value: -1 })).server;
  if (first.type !== 'success') throw new Error(`floor write failed: ${JSON.stringify(first)}`);
  const writeFloor: Writer = {
    write: (value) => floorZero.mutate(floorMutators.item.set({ id: FLOOR_ITEM, org: FLOOR_ORG, value })).server,
  };

  const specsFor = (target: string, n: number): ReaderSpec[] =>
    target === 'product'
      ? spread(product.readers.slice(0, n), WORKERS).map((people) => ({ kind: 'product', stack: stack.info, ...product, people }))
      : spread(floorReaders.slice(0, n), WORKERS).map((userIDs) => ({
          kind: 'floor',
          zeroURL: floor.zeroURL,
          org: FLOOR_ORG,
          itemID: FLOOR_ITEM,
          query: target === 'floor' ? 'byOrg' : 'joined',
          userIDs,
        }));

  const rows: Row[] = [];
  let base = 1_000_000;
  for (const n of SIZES) {
    const pooled = new Map<string, Samples>(TARGETS.map((t) => [t, { latencies: [], confirms: [] }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of TARGETS) {
        base += 10_000;
        const samples = await measure({
          specs: specsFor(target, n),
          writer: target === 'product' ? writeProduct : writeFloor,
          samples: SAMPLES,
          warmup: WARMUP,
          base,
          gapMs: GAP_MS,
        });
        const pool = pooled.get(target);
        pool?.latencies.push(...samples.latencies);
        pool?.confirms.push(...samples.confirms);
        const r = summarize(target, n, samples);
        console.log(
          `  ${target} ${n} clients: p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms, p99 ${r.p99_ms} ms (commit p50 ${r.commit_p50_ms} ms)`,
        );
      }
    }
    for (const [target, all] of pooled) rows.push(summarize(target, n, all));
  }
  print(rows);
  const file = await writeResults(rows, {
    method:
      'writer mutate call -> value visible in every reader (and -> commit heard by the writer); readers in worker processes; zero-cache with the product settings',
    workers: WORKERS,
    rounds: ROUNDS,
    machineUptimeAtStart: loadAtStart,
  });
  console.log(`wrote ${file}`);
  await floorZero.close();
  await writeProduct.close();
} finally {
  await floor.stop();
  await stack.stop();
}
process.exit(0);
