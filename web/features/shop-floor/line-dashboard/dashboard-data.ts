import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, createSignal, onCleanup } from 'solid-js';
import { downtimePareto } from '../../../../shared/shop-floor/downtime-pareto.ts';
import { HISTORY_DAYS } from '../../../../shared/shop-floor/inference.ts';
import { DAY_MS } from '../../../../shared/shop-floor/instants.ts';
import { dashboardKpis, deliveryOrders, filterRows, kpisBy, unitsOn } from '../../../../shared/shop-floor/line-dashboard.ts';
import { type RollupContext, type RollupRow, rollupHistory } from '../../../../shared/shop-floor/rollup-kpis.ts';
import { dayIn, daysBefore, daysFrom, isoDay } from '../../../../shared/shop-floor/zoned-day.ts';
import { queries } from '../../../../sync/queries.ts';

/** What the dashboard shows: shift dates from..to (both included), one line or all, one shift or all. */
export interface DashboardFilter {
  from: number;
  to: number;
  lineID: string | undefined;
  shiftID: string | undefined;
}

/** The minute clock: "today" and the history window move on at midnight without a reload. */
export function useMinuteClock(): () => number {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => clearInterval(timer));
  return now;
}

/** Today's shift date in `timeZone`, following the clock. */
export const useToday = (timeZone: () => string, now: () => number) => createMemo(() => dayIn(timeZone(), now()));

/**
 * Everything the line dashboard reads, live through Zero: the master data,
 * the work orders (on-time delivery), the stored per-shift rollups of the
 * range and of the HISTORY_DAYS before it (the inference chain's history),
 * and the range's downtime entries (the Pareto). The KPIs are derived in
 * the browser from the rollups (shared/shop-floor/line-dashboard.ts), so
 * they move as soon as a rollup row does.
 */
export function useLineDashboard(orgID: () => string, filter: () => DashboardFilter, now: () => number) {
  const [lines, linesState] = useQuery(() => queries.lines.list({ orgID: orgID() }));
  const [shifts] = useQuery(() => queries.shifts.list({ orgID: orgID() }));
  const [products] = useQuery(() => queries.products.list({ orgID: orgID() }));
  const [orders] = useQuery(() => queries.workOrders.list({ orgID: orgID() }));
  const [rollups, rollupsState] = useQuery(() =>
    queries.shiftRollups.inRange({
      orgID: orgID(),
      from: daysBefore(filter().from, HISTORY_DAYS),
      to: filter().to,
    }),
  );
  const [stops] = useQuery(() => queries.downtimeEntries.inRange({ orgID: orgID(), from: filter().from, to: filter().to }));

  const activeLines = createMemo(() => lines().filter((l) => l.archivedAt == null));
  const activeShifts = createMemo(() => shifts().filter((s) => s.archivedAt == null));
  const productByID = createMemo(() => new Map(products().map((p) => [p.id, p])));
  const lineByID = createMemo(() => new Map(lines().map((l) => [l.id, l])));

  /** The range's rows for the filter (the history rows before it only feed inference). */
  const rows = createMemo((): RollupRow[] => filterRows(rollups(), filter()));
  /** The history window ends with the range, or now when the range reaches today. */
  const asOf = createMemo(() => Math.min(now(), filter().to + DAY_MS - 1));
  const baseContext = createMemo(
    (): RollupContext => ({
      products: products().map((p) => ({ id: p.id, idealCycleSeconds: p.idealCycleSeconds ?? null })),
      history: rollupHistory(rollups()),
      asOf: asOf(),
    }),
  );
  const context = (from: number, to: number): RollupContext => ({
    ...baseContext(),
    orders: deliveryOrders(orders(), from, to),
  });

  const total = createMemo(() => dashboardKpis(rows(), context(filter().from, filter().to)));
  const byDay = createMemo(() =>
    kpisBy(rows(), 'day', daysFrom(filter().from, filter().to).map(isoDay), (key) => {
      const day = Date.parse(`${key}T00:00:00Z`);
      return context(day, day);
    }),
  );
  // On-time delivery is per order, not per shift: the shift groups count none.
  const byShift = createMemo(() => {
    const keys = activeShifts().map((s) => s.id);
    if (rows().some((r) => r.shiftID == null && r.productionEntries > 0)) keys.push('');
    return kpisBy(rows(), 'shift', keys, () => baseContext());
  });
  const byLine = createMemo(() =>
    kpisBy(
      filterRows(rollups(), { ...filter(), lineID: undefined }),
      'line',
      activeLines().map((l) => l.id),
      () => context(filter().from, filter().to),
    ),
  );
  const pareto = createMemo(() =>
    downtimePareto(stops().filter((s) => filter().lineID === undefined || s.lineID === filter().lineID)),
  );

  return {
    lines: activeLines,
    shifts: activeShifts,
    productByID,
    lineByID,
    rows,
    total,
    byDay,
    byShift,
    byLine,
    pareto,
    /** Units of a shift date per line and in total, every line whatever the filter (shift filter kept). */
    unitsOn: (day: number) =>
      unitsOn(filterRows(rollups(), { from: day, to: day, shiftID: filter().shiftID, lineID: undefined }), day),
    /** Nothing synced yet from the server. */
    loading: () => rollupsState().type === 'unknown' && rollups().length === 0,
    linesLoaded: () => linesState().type === 'complete' || lines().length > 0,
  };
}

export type LineDashboardData = ReturnType<typeof useLineDashboard>;
