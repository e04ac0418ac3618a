import { performance } from 'node:perf_hooks';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { ShiftRollup } from '../../../sync/schema.ts';
import { addMember, signUp } from '../../helpers/people.ts';
import { enterProduction, productionArgs, setUpFloorLine } from '../../helpers/shop-floor-line.ts';
import { openZero } from '../../helpers/zero-client.ts';
import { percentile } from '../bench-output.ts';
import type { ShopFloorBenchContext } from './context.ts';

/**
 * Entry to line dashboard: the time from a production entry's mutate call
 * on an operator's Zero client to the updated per-shift rollup row (what
 * the line dashboard computes OEE from) arriving at a leader's Zero client,
 * p50 and p95 over `samples` entries (default 100). Each entry adds units to
 * the same rollup row, so every sample is an update the trigger makes after
 * the entry commits, replicated and pushed to the second client.
 *
 * The driver (tests/bench/shopfloor-bench.ts) runs it as a section:
 * `BENCH_SECTIONS=entry-to-dashboard npm run bench:shopfloor` alone.
 * BENCH_ENTRY_SAMPLES changes the number of entries. The section's owner is
 * the leader; an operator joins the organization.
 */
const SAMPLES = Number(process.env.BENCH_ENTRY_SAMPLES ?? 100);

const DAY = 86_400_000;

export async function run(ctx: ShopFloorBenchContext): Promise<Record<string, unknown>> {
  const { owner: manager, orgID } = ctx;
  const operator = await signUp('Floor bench operator');
  await addMember(manager, orgID, operator, 'operator');
  const leader = openZero(manager, orgID);
  const writer = openZero(operator, orgID);
  try {
    const line = await setUpFloorLine({ zero: leader, person: manager, orgID }, 'Bench line', [
      { code: 'BENCH-1', name: 'Bench widget', idealCycleSeconds: 30 },
    ]);
    const shiftDate = Math.floor(Date.now() / DAY) * DAY;
    const view = leader.materialize(queries.shiftRollups.byLine({ orgID, lineID: line.lineID, from: shiftDate, to: shiftDate }));
    let units = 0;
    let complete = false;
    const waiters = new Set<() => void>();
    view.addListener((rows, type) => {
      units = (rows as readonly ShiftRollup[]).reduce((sum, r) => sum + r.unitsProduced, 0);
      complete = type === 'complete';
      for (const w of waiters) w();
    });
    const until = (want: number) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!complete || units < want) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the rollup never reached ${want} units (it has ${units})`));
        }, 30_000);
        waiters.add(check);
        check();
      });
    // A first entry makes the row; the timed ones update it.
    await enterProduction(writer, productionArgs(line, 'BENCH-1', { shiftDate, unitsProduced: 1, runHours: 0.01 }));
    await until(1);
    const latency: number[] = [];
    ctx.log(`${SAMPLES} entries, each timed until the leader's client has the updated rollup ...`);
    for (let i = 0; i < SAMPLES; i++) {
      const want = units + 7;
      const arrived = until(want);
      const start = performance.now();
      void writer.mutate(
        mutators.productionEntry.create(productionArgs(line, 'BENCH-1', { shiftDate, unitsProduced: 7, runHours: 0.01 })),
      );
      await arrived;
      latency.push(performance.now() - start);
    }
    view.destroy();
    return {
      p50_ms: Math.round(percentile(latency, 50)),
      p95_ms: Math.round(percentile(latency, 95)),
      max_ms: Math.round(Math.max(...latency)),
      samples: latency.length,
      note: 'production entry mutate on an operator client -> updated sf_shift_rollup row on a leader client (trigger, replication, poke)',
    };
  } finally {
    await Promise.all([leader.close(), writer.close()]);
  }
}
