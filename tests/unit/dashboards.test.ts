import { describe, expect, test } from 'vitest';
import { dashboardInput, widgetInput } from '../../shared/dashboards/fields.ts';
import { firstFreeSpot, overlaps } from '../../shared/dashboards/grid.ts';
import { WIDGET_TYPES } from '../../shared/dashboards/registry.ts';
import { bucketed, changeOver } from '../../shared/dashboards/series.ts';
import { templateWidgets } from '../../shared/dashboards/templates.ts';
import { periodOf, previousPeriod } from '../../shared/dashboards/time-range.ts';
import { mergeWidgetTypes } from '../../shared/dashboards/widget-types.ts';

const DAY = 86_400_000;
const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('dashboard time ranges', () => {
  const now = Date.UTC(2026, 2, 15, 13, 30);
  test('rolling ranges end at the end of today; the previous period is as long and just before', () => {
    const p = periodOf('7d', now);
    expect(p).toEqual({ start: Date.UTC(2026, 2, 9), end: Date.UTC(2026, 2, 16) });
    expect(previousPeriod(p)).toEqual({ start: Date.UTC(2026, 2, 2), end: Date.UTC(2026, 2, 9) });
    expect(periodOf('12m', now).start).toBe(Date.UTC(2025, 2, 16));
  });
  test('custom uses its dates, and falls back to 30 days without valid ones', () => {
    expect(periodOf('custom', now, { start: 1, end: 2 })).toEqual({ start: 1, end: 2 });
    expect(periodOf('custom', now, { start: 5, end: 2 }).end - periodOf('custom', now, { start: 5, end: 2 }).start).toBe(
      30 * DAY,
    );
  });
});

describe('widget series', () => {
  const pts = [
    { value: 10, recordedAt: Date.UTC(2026, 0, 5) },
    { value: 14, recordedAt: Date.UTC(2026, 0, 20) },
    { value: 12, recordedAt: Date.UTC(2026, 1, 3) },
    { value: 18, recordedAt: Date.UTC(2026, 1, 10) },
  ];
  const feb = { start: Date.UTC(2026, 1, 1), end: Date.UTC(2026, 2, 1) };
  test('change against the previous period, good or bad by the KPI’s direction', () => {
    expect(changeOver(pts, feb, 'higher')).toEqual({ current: 18, previous: 14, delta: 4, ratio: 4 / 14, better: true });
    expect(changeOver(pts, feb, 'lower').better).toBe(false);
    expect(changeOver(pts.slice(2), feb, 'higher')).toMatchObject({ current: 18, previous: null, delta: null, better: null });
  });
  test('bars aggregate each month (or Monday-started week) of the range, empty ones null', () => {
    const q1 = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 3, 1) };
    expect(bucketed(pts, q1, 'month', 'sum').map((b) => b.value)).toEqual([24, 30, null]);
    expect(bucketed(pts, q1, 'month', 'average').map((b) => b.value)).toEqual([12, 15, null]);
    expect(bucketed(pts, q1, 'month', 'last').map((b) => b.value)).toEqual([14, 18, null]);
    const weeks = bucketed(pts, feb, 'week', 'last');
    expect(new Date(weeks[0]!.start).getUTCDay()).toBe(1);
    expect(weeks.filter((b) => b.value !== null).map((b) => b.value)).toEqual([12, 18]);
  });
});

describe('widget and dashboard rules', () => {
  const number = { type: 'number', kpiIDs: ['k1'], x: 0, y: 0, w: 3, h: 2 };
  test('every built-in type and each pack’s are registered, and a type named twice is refused', () => {
    expect(Object.keys(WIDGET_TYPES)).toEqual([
      'number',
      'line',
      'bar',
      'gauge',
      'goal',
      'table',
      'text',
      'portfolioHealth',
      'accountHealth',
    ]);
    expect(() => mergeWidgetTypes(WIDGET_TYPES, { number: WIDGET_TYPES.number! })).toThrow(
      'Widget type "number" is defined twice.',
    );
  });
  test('an unknown type, a position off the grid, and what a type rules out are named by field', () => {
    expect(widgetInput.safeParse(number).success).toBe(true);
    expect(paths(widgetInput.safeParse({ ...number, type: 'pie' }))).toEqual(['type']);
    expect(paths(widgetInput.safeParse({ ...number, x: 10 }))).toEqual(['w']);
    expect(paths(widgetInput.safeParse({ ...number, x: 1.5 }))).toEqual(['x']);
    expect(paths(widgetInput.safeParse({ ...number, kpiIDs: ['a', 'b'] }))).toEqual(['kpiIDs']);
    expect(paths(widgetInput.safeParse({ ...number, w: 1 }))).toEqual(['w']);
    expect(paths(widgetInput.safeParse({ type: 'text', x: 0, y: 0, w: 4, h: 2 }))).toEqual(['text']);
    expect(paths(widgetInput.safeParse({ type: 'goal', x: 0, y: 0, w: 4, h: 3 }))).toEqual(['goalID']);
    expect(
      paths(widgetInput.safeParse({ type: 'bar', kpiIDs: ['k'], x: 0, y: 0, w: 6, h: 4, options: { colour: 'red' } })),
    ).toEqual(['options']);
  });
  test('a custom range needs both dates in order', () => {
    expect(dashboardInput.safeParse({ name: 'D', timeRange: 'custom' }).success).toBe(false);
    expect(paths(dashboardInput.safeParse({ name: 'D', timeRange: 'custom', rangeStart: 5, rangeEnd: 2 }))).toEqual(['rangeEnd']);
    expect(dashboardInput.safeParse({ name: 'D', timeRange: 'custom', rangeStart: 1, rangeEnd: 2 }).success).toBe(true);
    expect(paths(dashboardInput.safeParse({ name: '  ' }))).toEqual(['name']);
  });
});

describe('grid and templates', () => {
  test('the first free spot fills rows left to right', () => {
    const placed = [{ x: 0, y: 0, w: 6, h: 2 }];
    expect(firstFreeSpot(placed, { w: 6, h: 2 })).toEqual({ x: 6, y: 0, w: 6, h: 2 });
    expect(firstFreeSpot([...placed, { x: 6, y: 0, w: 6, h: 2 }], { w: 4, h: 2 })).toEqual({ x: 0, y: 2, w: 4, h: 2 });
  });
  test('a template picks matching KPIs, lays out valid widgets that never overlap, and says what is missing', () => {
    const kpis = [
      { id: 'a', name: 'MRR', category: 'revenue' },
      { id: 'b', name: 'Churn rate', category: 'retention' },
      { id: 'c', name: 'Office plants', category: 'general' },
    ];
    const widgets = templateWidgets('saas', kpis);
    for (const w of widgets) expect(widgetInput.safeParse(w).success, JSON.stringify(w)).toBe(true);
    for (const [i, a] of widgets.entries()) for (const b of widgets.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    expect(widgets.flatMap((w) => w.kpiIDs)).not.toContain('c');
    expect(widgets.some((w) => w.type === 'text')).toBe(true);
    expect(templateWidgets('shop-floor', []).map((w) => w.type)).toEqual(['text']);
  });
});
