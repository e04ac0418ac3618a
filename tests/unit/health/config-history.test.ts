import { describe, expect, test } from 'vitest';
import { endOfMonth, healthBreakdown, monthOf, monthsBetween } from '../../../shared/health/breakdown.ts';
import { type ConfigChange, configAtVersion } from '../../../shared/health/config-history.ts';
import { rescoreInput } from '../../../shared/health/rescore.ts';
import { DEFAULT_CATEGORY_WEIGHTS } from '../../../shared/health/weights.ts';

/** A reference_range row as the version trigger stores it (to_jsonb: snake_case). */
const rangeRow = (id: string, name: string, healthyMin: number) => ({
  id,
  organization_id: 'org',
  kpi_name: name,
  unit: '%',
  higher_is_better: true,
  critical_min: 0,
  critical_max: 10,
  risk_min: 10,
  risk_max: healthyMin,
  healthy_min: healthyMin,
  healthy_max: 100,
});
const weightsRow = (w: Record<string, number>) => ({ id: 'org', organization_id: 'org', weights: w });

const NPS1 = rangeRow('r1', 'NPS', 50);
const NPS2 = rangeRow('r1', 'NPS', 70);
const CHURN = rangeRow('r2', 'Churn', 40);
const heavy = { ...DEFAULT_CATEGORY_WEIGHTS, 'Product Value': 0.9 };

// 1 NPS set, 2 Churn set, 3 weights set, 4 NPS changed, 5 Churn removed, 6 weights set back to the defaults.
const log: ConfigChange[] = [
  { version: 1, kind: 'reference_range', before: null, after: NPS1 },
  { version: 2, kind: 'reference_range', before: null, after: CHURN },
  { version: 3, kind: 'category_weights', before: null, after: weightsRow(heavy) },
  { version: 4, kind: 'reference_range', before: NPS1, after: NPS2 },
  { version: 5, kind: 'reference_range', before: CHURN, after: null },
  { version: 6, kind: 'category_weights', before: weightsRow(heavy), after: weightsRow({ ...DEFAULT_CATEGORY_WEIGHTS }) },
];

describe('the configuration at a version, rebuilt from the change log', () => {
  test('version 0 is the defaults: no range, the default weights', () => {
    const c = configAtVersion(log, 0);
    expect(c).toEqual({ version: 0, ranges: new Map(), weights: { ...DEFAULT_CATEGORY_WEIGHTS } });
  });

  test('each version has exactly the ranges and weights set by then', () => {
    const at = (v: number) => configAtVersion(log, v);
    expect([...at(2).ranges.keys()].sort()).toEqual(['Churn', 'NPS']);
    expect(at(2).weights).toEqual(DEFAULT_CATEGORY_WEIGHTS);
    expect(at(3).weights).toEqual(heavy);
    expect(at(3).ranges.get('NPS')?.healthy).toEqual({ min: 50, max: 100 });
    expect(at(4).ranges.get('NPS')?.healthy).toEqual({ min: 70, max: 100 });
    expect(at(4).ranges.get('NPS')).toMatchObject({ unit: '%', higherIsBetter: true, risk: { min: 10, max: 70 } });
    expect([...at(5).ranges.keys()]).toEqual(['NPS']);
    expect(at(5).weights).toEqual(heavy);
    expect(at(6).weights).toEqual(DEFAULT_CATEGORY_WEIGHTS);
    expect([4, 5, 6].map((v) => at(v).version)).toEqual([4, 5, 6]);
  });

  test('the order of the log does not matter, and versions past its end give the newest', () => {
    const shuffled = [log[4], log[0], log[5], log[2], log[1], log[3]] as ConfigChange[];
    expect(configAtVersion(shuffled, 3)).toEqual(configAtVersion(log, 3));
    expect(configAtVersion(log, 99)).toEqual(configAtVersion(log, 6));
  });

  test('a KPI scores differently under two versions (the range moved)', () => {
    const kpi = { id: 'k', name: 'NPS', category: 'Product Value', weight: 1, value: 60, valueAt: 1 };
    const score = (v: number) => {
      const c = configAtVersion(log, v);
      return healthBreakdown(c.weights, [{ ...kpi, range: c.ranges.get('NPS') ?? null }]);
    };
    expect(score(0).overall).toBeNull();
    expect(score(1).kpis[0]).toMatchObject({ status: 'healthy', score: 80, range: { unit: '%' } });
    expect(score(4).kpis[0]).toMatchObject({ status: 'risk', score: 70.83 });
    expect(score(4).overall).toBe(70.83);
  });
});

describe('months', () => {
  test('month of a time, its end, and the months between two', () => {
    expect(monthOf(Date.UTC(2026, 0, 31, 23, 59))).toBe('2026-01');
    expect(endOfMonth('2026-12')).toBe(Date.UTC(2027, 0, 1));
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
  });

  test('a re-score request names its bad field', () => {
    const now = Date.UTC(2026, 5, 15);
    const issues = (v: unknown) =>
      rescoreInput(now)
        .safeParse(v)
        .error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ from: '2026-01', to: '2026-06' })).toBeUndefined();
    expect(issues({ from: '2026-13', to: '2026-06' })).toEqual([
      ['from', 'from must be a month as YYYY-MM (for example 2026-01)'],
    ]);
    expect(issues({ from: '2026-05', to: '2026-02' })).toEqual([['to', 'to (2026-02) must not be before from (2026-05)']]);
    expect(issues({ from: '2026-05', to: '2026-07' })).toEqual([['to', 'to (2026-07) cannot be after this month (2026-06)']]);
    expect(issues({ from: '2000-01', to: '2026-06' })?.[0]?.[1]).toBe('At most 120 months at once');
    expect(issues({ from: '2026-01', to: '2026-02', configVersion: -1 })?.[0]?.[0]).toBe('configVersion');
  });
});
