import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { withTenant } from '../../../server/db/pools.ts';
import { seedPacks } from '../../../server/seed.ts';
import { seedEntries } from '../../../server/shop-floor/entries-seed.ts';
import { HISTORY_DAYS } from '../../../shared/shop-floor/inference.ts';
import { dashboardKpis, filterRows } from '../../../shared/shop-floor/line-dashboard.ts';
import { rollupHistory } from '../../../shared/shop-floor/rollup-kpis.ts';
import { queries } from '../../../sync/queries.ts';
import type { ShiftRollup } from '../../../sync/schema.ts';
import { team } from '../../helpers/people.ts';
import { useZeroClients, watch } from '../../helpers/zero-client.ts';

// The demo's month of entries ends yesterday at every start: a start two days
// later adds those two days, and nothing it made before moves or doubles.
const stack = inject('stack');
const admin = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
const app = postgres(stack.appDatabaseUrl, { max: 2, onnotice: () => {} });
afterAll(async () => {
  await Promise.all([admin.end({ timeout: 2 }), app.end({ timeout: 2 })]);
});

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function entryCounts(orgID: string) {
  const [row] = await admin<{ production: number; quality: number; downtime: number; attendance: number; last: string }[]>`
    SELECT (SELECT count(*)::int FROM sf_production_entry WHERE organization_id = ${orgID}) AS production,
           (SELECT count(*)::int FROM sf_quality_entry WHERE organization_id = ${orgID}) AS quality,
           (SELECT count(*)::int FROM sf_downtime_entry WHERE organization_id = ${orgID}) AS downtime,
           (SELECT count(*)::int FROM sf_attendance_entry WHERE organization_id = ${orgID}) AS attendance,
           (SELECT max(shift_date)::text FROM sf_production_entry WHERE organization_id = ${orgID}) AS last`;
  return row as NonNullable<typeof row>;
}

describe('the demo entries follow today', () => {
  test('a later start adds the days since the last one; the month ends yesterday; the prototype (no cycle time) has entries', async () => {
    const { orgID, owner } = await team([]);
    const demo = { orgID, userID: owner.userID };
    await seedPacks(app, demo);
    const first = await entryCounts(orgID);
    expect(first.last).toBe(isoDay(Date.now() - DAY));
    // The product without an ideal cycle time was made on the packaging line (so the dashboard has something to estimate).
    const [prototype] = await admin<{ n: number }[]>`
      SELECT count(*)::int AS n FROM sf_production_entry e JOIN sf_work_order o ON o.id = e.work_order_id
        JOIN sf_product p ON p.id = o.product_id
       WHERE e.organization_id = ${orgID} AND p.ideal_cycle_seconds IS NULL`;
    expect(prototype?.n).toBe(3 * 3);

    const later = Date.now() + 2 * DAY;
    const added = await withTenant(app, { userID: owner.userID, orgID, source: 'seed' }, (tx) =>
      seedEntries(tx, { orgID, userID: owner.userID, now: later }),
    );
    const after = await entryCounts(orgID);
    // A stop on every third calendar day per line: on those of the two new days only, none added to older days.
    const laterDay = Math.floor(later / DAY);
    const stops = 2 * [1, 2].filter((d) => (laterDay - d) % 3 === 0).length;
    // Two new days: both lines in three shifts, each line's early quality, four employees' attendance.
    expect(after).toEqual({
      production: first.production + 2 * 2 * 3,
      quality: first.quality + 2 * 2,
      downtime: first.downtime + stops,
      attendance: first.attendance + 2 * 4,
      last: isoDay(later - DAY),
    });
    expect(added).toBe(2 * 2 * 3 + 2 * 2 + stops + 2 * 4);
    // One entry per line, shift and day, whatever the starts.
    const [doubled] = await admin<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM sf_production_entry WHERE organization_id = ${orgID}
        GROUP BY line_id, shift_id, shift_date HAVING count(*) > 1) d`;
    expect(doubled?.n).toBe(0);
    // Again at the same time: nothing.
    const again = await withTenant(app, { userID: owner.userID, orgID, source: 'seed' }, (tx) =>
      seedEntries(tx, { orgID, userID: owner.userID, now: later }),
    );
    expect(again).toBe(0);
  });

  const open = useZeroClients();

  test('a newcomer sees OEE and an estimate at once: the demo as the line dashboard computes it from synced rollups', async () => {
    const { orgID, owner } = await team([]);
    await seedPacks(app, { orgID, userID: owner.userID });
    const zero = open(owner, orgID);
    const today = Math.floor(Date.now() / DAY) * DAY;
    const from = today - 6 * DAY;
    const rollups = watch<ShiftRollup[]>(
      zero,
      queries.shiftRollups.inRange({ orgID, from: from - HISTORY_DAYS * DAY, to: today }),
    );
    const products = watch<{ id: string; code: string; idealCycleSeconds?: number | null }[]>(
      zero,
      queries.products.list({ orgID }),
    );
    const rows = await rollups.until((r) => r.length > 0);
    const known = await products.until((p) => p.length === 4);
    const kpis = dashboardKpis(filterRows(rows, { from, to: today }), {
      products: known.map((p) => ({ id: p.id, idealCycleSeconds: p.idealCycleSeconds ?? null })),
      history: rollupHistory(rows),
      asOf: Date.now(),
    });
    expect(kpis.oee.value).toBeGreaterThan(0);
    expect(kpis.availability.value).toBeGreaterThan(0);
    const prototype = known.find((p) => p.code === 'PRT-900');
    // The prototype's cycle time, from the pace it was made at these days: the history's 0.85.
    expect(kpis.performance.estimates).toEqual([
      expect.objectContaining({ field: 'idealCycleSeconds', source: 'history', confidence: 0.85, product: prototype?.id }),
    ]);
    expect(kpis.performance.measured?.value).toBeGreaterThan(0);
  });
});
