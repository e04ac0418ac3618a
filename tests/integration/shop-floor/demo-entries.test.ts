import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { withTenant } from '../../../server/db/pools.ts';
import { seedPacks } from '../../../server/seed.ts';
import { seedEntries } from '../../../server/shop-floor/entries-seed.ts';
import { team } from '../../helpers/people.ts';

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
    // Two new days: both lines in three shifts, each line's early quality, four employees' attendance; no stop falls on them.
    expect(after).toEqual({
      production: first.production + 2 * 2 * 3,
      quality: first.quality + 2 * 2,
      downtime: first.downtime,
      attendance: first.attendance + 2 * 4,
      last: isoDay(later - DAY),
    });
    expect(added).toBe(2 * 2 * 3 + 2 * 2 + 2 * 4);
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
});
