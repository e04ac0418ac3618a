import { describe, expect, test } from 'vitest';
import { rounded, scoreHealth } from '../../../shared/health/health.ts';
import { healthInput } from '../../../shared/health/input.ts';
import { type ReferenceRange, referenceRangeInput, tilingIssues } from '../../../shared/health/ranges.ts';
import { kpiScore, kpiStatus } from '../../../shared/health/score.ts';

/** NPS-like: higher is better, critical -100..0, risk 0..30, healthy 30..100. */
const HIGH: ReferenceRange = {
  higherIsBetter: true,
  critical: { min: -100, max: 0 },
  risk: { min: 0, max: 30 },
  healthy: { min: 30, max: 100 },
};
/** Churn-like: lower is better, healthy 0..5, risk 5..10, critical 10..50. */
const LOW: ReferenceRange = {
  higherIsBetter: false,
  healthy: { min: 0, max: 5 },
  risk: { min: 5, max: 10 },
  critical: { min: 10, max: 50 },
};

describe('status: the band that holds the value', () => {
  test('inside each band, both directions', () => {
    expect([kpiStatus(-50, HIGH), kpiStatus(15, HIGH), kpiStatus(60, HIGH)]).toEqual(['critical', 'risk', 'healthy']);
    expect([kpiStatus(2, LOW), kpiStatus(7, LOW), kpiStatus(20, LOW)]).toEqual(['healthy', 'risk', 'critical']);
  });
  test('a shared edge belongs to the better band', () => {
    expect([kpiStatus(0, HIGH), kpiStatus(30, HIGH)]).toEqual(['risk', 'healthy']);
    expect([kpiStatus(10, LOW), kpiStatus(5, LOW)]).toEqual(['risk', 'healthy']);
  });
  test('beyond the outer edges, the outer band', () => {
    expect([kpiStatus(-1000, HIGH), kpiStatus(1000, HIGH)]).toEqual(['critical', 'healthy']);
    expect([kpiStatus(-3, LOW), kpiStatus(99, LOW)]).toEqual(['healthy', 'critical']);
  });
});

describe('KPI score: linear in its band from worst to best edge, clamped beyond', () => {
  test('band edges and midpoints', () => {
    expect([kpiScore(-100, HIGH), kpiScore(-50, HIGH), kpiScore(0, HIGH), kpiScore(15, HIGH), kpiScore(30, HIGH)]).toEqual([
      0, 25, 50, 62.5, 75,
    ]);
    expect([kpiScore(65, HIGH), kpiScore(100, HIGH)]).toEqual([87.5, 100]);
    // Lower is better: the worst edge is the band's max.
    expect([
      kpiScore(50, LOW),
      kpiScore(30, LOW),
      kpiScore(10, LOW),
      kpiScore(7.5, LOW),
      kpiScore(5, LOW),
      kpiScore(0, LOW),
    ]).toEqual([0, 25, 50, 62.5, 75, 100]);
  });
  test('clamped to 0 and 100 beyond the outer edges', () => {
    expect([kpiScore(-500, HIGH), kpiScore(500, HIGH), kpiScore(999, LOW), kpiScore(-9, LOW)]).toEqual([0, 100, 0, 100]);
  });
});

describe('category and overall scores', () => {
  const weights = { Relationship: 0.2, Adoption: 0.25, Support: 0.2, Value: 0.2, Outcomes: 0.15 };
  test('a category is its scored KPIs’ weighted mean; overall renormalizes over categories with a score', () => {
    const h = scoreHealth({
      categoryWeights: weights,
      kpis: [
        { name: 'NPS', category: 'Relationship', value: 15, weight: 3, range: HIGH }, // 62.5
        { name: 'Champion', category: 'Relationship', value: 65, range: HIGH }, // 87.5, weight 1
        { name: 'Churn', category: 'Outcomes', value: 7.5, weight: 2, range: LOW }, // 62.5
        { name: 'Unranged', category: 'Adoption', value: 42, range: null },
        { name: 'No value', category: 'Support', value: null, range: HIGH },
      ],
    });
    const relationship = (62.5 * 3 + 87.5) / 4;
    expect(h.categories.map((c) => [c.name, c.score, c.validKpis])).toEqual([
      ['Relationship', relationship, 2],
      ['Adoption', null, 0],
      ['Support', null, 0],
      ['Value', null, 0],
      ['Outcomes', 62.5, 1],
    ]);
    expect(h.overall).toBeCloseTo((relationship * 0.2 + 62.5 * 0.15) / 0.35, 12);
    expect([h.totalKpis, h.validKpis]).toEqual([5, 3]);
    expect(h.kpis.find((k) => k.name === 'Unranged')).toEqual({ name: 'Unranged', status: null, score: null });
  });
  test('no scored KPI at all gives no overall score, never 0', () => {
    const h = scoreHealth({ categoryWeights: weights, kpis: [{ name: 'A', category: 'Value', value: null, range: HIGH }] });
    expect(h.overall).toBeNull();
    expect(scoreHealth({ categoryWeights: weights, kpis: [] }).overall).toBeNull();
  });
  test('scores are rounded to 2 decimals only when shown', () => {
    const third: ReferenceRange = { ...HIGH, risk: { min: 0, max: 3 }, healthy: { min: 3, max: 100 } };
    const h = scoreHealth({ categoryWeights: { Value: 1 }, kpis: [{ name: 'A', category: 'Value', value: 1, range: third }] });
    expect(h.overall).toBeCloseTo(50 + 25 / 3, 12);
    expect(rounded(h).overall).toBe(58.33);
    expect(rounded(h).kpis[0]?.score).toBe(58.33);
  });
});

describe('ranges must tile one interval, worst to best', () => {
  test('a gap, an overlap or an inverted band is named', () => {
    expect(tilingIssues(HIGH)).toEqual([]);
    expect(tilingIssues(LOW)).toEqual([]);
    const gap = { ...HIGH, risk: { min: 1, max: 30 } };
    expect(tilingIssues(gap).map((i) => i.message)).toEqual([
      'The critical and risk bands leave a gap from 0 to 1: with higher is better, risk.min must equal critical.max',
    ]);
    const overlap = { ...LOW, risk: { min: 4, max: 10 } };
    expect(tilingIssues(overlap)[0]?.message).toContain('The healthy and risk bands overlap from 4 to 5');
    const inverted = { ...HIGH, healthy: { min: 30, max: 20 } };
    expect(tilingIssues(inverted)[0]?.message).toContain('healthy band');
    // Ordered the wrong way for its direction: healthy below critical.
    const backwards = { ...HIGH, higherIsBetter: false };
    expect(tilingIssues(backwards).length).toBeGreaterThan(0);
    expect(referenceRangeInput.safeParse(gap).success).toBe(false);
  });
  test('the request: a KPI in a category without a weight, or bands that do not tile, named by field', () => {
    const bands = healthInput.safeParse({
      categoryWeights: { Value: 1 },
      kpis: [
        { name: 'B', category: 'Value', value: 1, range: { ...HIGH, risk: { min: 1, max: 30 } } },
        { name: 'C', category: 'Value', value: Number.POSITIVE_INFINITY, range: null },
      ],
    });
    expect(bands.error?.issues.map((i) => i.path.join('.'))).toEqual(['kpis.0.range.risk.min', 'kpis.1.value']);
    const category = healthInput.safeParse({
      categoryWeights: { Value: 1 },
      kpis: [{ name: 'A', category: 'Nope', value: 1, range: HIGH }],
    });
    expect(category.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['kpis.0.category', 'Category “Nope” has no weight in categoryWeights (Value)'],
    ]);
  });
});
