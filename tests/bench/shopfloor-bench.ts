import postgres from 'postgres';
import { createOrg, signUp } from '../helpers/people.ts';
import { useStack } from '../helpers/stack-info.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import { mergeBenchSection } from './bench-output.ts';
import type { ShopFloorBenchSection } from './shopfloor/context.ts';

/**
 * `npm run bench:shopfloor`: the shop-floor pack's benchmarks, one section
 * per module of tests/bench/shopfloor/ (each exports `run(ctx)`), on one
 * stack, each in an organization of its own. Each section's figures go into
 * bench-results/shopfloor.json under `sections.<name>`, merged with what
 * earlier runs stored, so `BENCH_SECTIONS=kpi-query` reruns one section.
 * A new section is one line in SECTIONS.
 */
const SECTIONS: Record<string, () => Promise<{ run: ShopFloorBenchSection }>> = {
  'kpi-query': () => import('./shopfloor/kpi-query.ts'),
  'entry-to-dashboard': () => import('./shopfloor/entry-to-dashboard.ts'),
  'csv-import': () => import('./shopfloor/csv-import.ts'),
};

const chosen = (process.env.BENCH_SECTIONS ?? Object.keys(SECTIONS).join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = chosen.filter((s) => !(s in SECTIONS));
if (unknown.length > 0) {
  console.error(`Unknown BENCH_SECTIONS ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}

const stack = await startTestStack();
const adminSql = postgres(stack.info.databaseUrl, { max: 4, onnotice: () => {} });
let failed = false;
try {
  useStack(stack.info);
  const owner = await signUp('Shop-floor bench owner');
  for (const name of chosen) {
    const section = await (SECTIONS[name] as () => Promise<{ run: ShopFloorBenchSection }>)();
    const orgID = await createOrg(owner, `Shop-floor bench: ${name}`);
    console.log(`\n[${name}]`);
    try {
      const result = await section.run({
        stack: stack.info,
        owner,
        orgID,
        adminSql,
        log: (line) => console.log(`[${name}] ${line}`),
      });
      await mergeBenchSection('shopfloor', name, { ...result, measuredAt: new Date().toISOString() });
    } catch (err) {
      failed = true;
      console.error(`[${name}] failed: ${(err as Error).stack ?? err}`);
      await mergeBenchSection('shopfloor', name, { error: (err as Error).message, measuredAt: new Date().toISOString() });
    }
  }
} finally {
  await adminSql.end({ timeout: 2 });
  await stack.stop();
}
process.exit(failed ? 1 : 0);
