import { describe, expect, test } from 'vitest';
import { type DowntimeStop, downtimePareto, vitalFew } from '../../../shared/shop-floor/downtime-pareto.ts';

const MECH = { code: 'MECH', name: 'Mechanical breakdown', planned: false };
const CHG = { code: 'CHG', name: 'Changeover', planned: true };
const MAT = { code: 'MAT', name: 'Material shortage', planned: false };
const stop = (reasonID: string, durationMinutes: number, reason?: DowntimeStop['reason']): DowntimeStop => ({
  reasonID,
  durationMinutes,
  reason,
});

describe('downtime Pareto', () => {
  test('minutes summed per reason, largest first, with each share and the cumulative share', () => {
    const p = downtimePareto([stop('mat', 10, MAT), stop('mech', 30, MECH), stop('chg', 20, CHG), stop('mech', 40, MECH)]);
    expect(p.bars.map((b) => [b.label, b.minutes, b.stops, b.planned])).toEqual([
      ['MECH · Mechanical breakdown', 70, 2, false],
      ['CHG · Changeover', 20, 1, true],
      ['MAT · Material shortage', 10, 1, false],
    ]);
    expect(p.bars.map((b) => b.share)).toEqual([70, 20, 10]);
    expect(p.bars.map((b) => b.cumulative)).toEqual([70, 90, 100]);
    expect(p).toMatchObject({ totalMinutes: 100, plannedMinutes: 20, unplannedMinutes: 80, stops: 4 });
    // 80 % of the lost time: the breakdowns and the changeovers.
    expect(vitalFew(p).map((b) => b.reasonID)).toEqual(['mech', 'chg']);
  });

  test('ties keep a stable order by label; a reason not synced yet is neither planned nor unplanned', () => {
    const p = downtimePareto([stop('zzz-unknown-reason', 15), stop('chg', 15, CHG)]);
    expect(p.bars.map((b) => b.label)).toEqual(['CHG · Changeover', 'Reason zzz-unkn']);
    expect(p.bars[1]?.planned).toBeNull();
    expect(p.plannedMinutes + p.unplannedMinutes).toBe(15);
  });

  test('no stops: no bars, zero minutes, nothing divided by zero', () => {
    const p = downtimePareto([]);
    expect(p).toEqual({ bars: [], totalMinutes: 0, plannedMinutes: 0, unplannedMinutes: 0, stops: 0 });
    expect(vitalFew(p)).toEqual([]);
    // Stops of 0 minutes are counted but share nothing.
    const zero = downtimePareto([stop('mech', 0, MECH)]);
    expect(zero.bars[0]).toMatchObject({ stops: 1, share: 0, cumulative: 0 });
  });
});
