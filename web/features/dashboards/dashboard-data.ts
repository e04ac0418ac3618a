import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, createSignal, onCleanup } from 'solid-js';
import { type Period, periodOf, previousPeriod } from '../../../shared/dashboards/time-range.ts';
import { queries } from '../../../sync/queries.ts';
import type { Dashboard, DashboardWidget } from '../../../sync/schema.ts';
import { forcedQueryError } from '../sync/query-faults.ts';
import type { DataState, WidgetGoal, WidgetKpi } from './widgets/widget-props.ts';

const DAY = 86_400_000;

/** The day boundary a dashboard's data starts at: the period before its range, so number widgets can compare. */
export function periodsOf(d: Pick<Dashboard, 'timeRange' | 'rangeStart' | 'rangeEnd'>, now: number) {
  const period = periodOf(d.timeRange, now, { start: d.rangeStart ?? null, end: d.rangeEnd ?? null });
  const previous = previousPeriod(period);
  return { period, previous, since: Math.floor(previous.start / DAY) * DAY };
}

/** A clock for the widgets' "ago" texts and rolling ranges: ticks every 30 s. */
export function useNow(): () => number {
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(tick));
  return now;
}

/** What the grid gets from a widget row: the row, its KPIs in order and its goal. */
export interface WidgetRow {
  id: string;
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  kpis: WidgetKpi[];
  goal: WidgetGoal | undefined;
  /** The row itself, for WidgetProps. */
  row: DashboardWidget;
}

/** A synced dashboard's widgets with their KPI links and goal (the members' and the share link's query alike). */
interface SyncedWidgets {
  readonly widgets: readonly (DashboardWidget & {
    readonly kpiLinks: readonly { readonly kpi?: unknown }[];
    readonly goal?: unknown;
  })[];
}

/** A query result's state as widgets show it. */
export function dataState(type: string, hasRow: boolean, errorMessage?: string): DataState {
  if (type === 'error') return { kind: 'error', message: errorMessage ?? 'The server could not load this dashboard.' };
  if (!hasRow && type !== 'complete') return { kind: 'loading' };
  return { kind: 'ready' };
}

/**
 * One dashboard with everything its widgets draw, synced live: the list row
 * gives the range, the range the first day of data to sync, and one query
 * (dashboards.byId) the widgets, their KPIs and points, and goals.
 */
export function useSyncedDashboard(orgID: () => string, dashboardID: () => string) {
  const now = useNow();
  const [list, listDetails] = useQuery(() => queries.dashboards.list({ orgID: orgID() }));
  const summary = createMemo(() => list().find((d) => d.id === dashboardID()));
  // Only the day matters for the query's arguments, so they change once a day, not every tick.
  const today = createMemo(() => Math.floor(now() / DAY));
  const periods = createMemo(() => {
    const d = summary();
    return d ? periodsOf(d, today() * DAY + DAY / 2) : undefined;
  });
  const [dashboard, details] = useQuery(() =>
    // An id no row has while none is chosen (TV mode before a pick): the arguments must be valid.
    queries.dashboards.byId({ orgID: orgID(), dashboardID: dashboardID() || 'none', since: periods()?.since ?? 0 }),
  );
  const state = createMemo((): DataState => {
    const forced = forcedQueryError();
    return forced ? { kind: 'error', message: forced } : dataState(details().type, dashboard() !== undefined);
  });
  return { now, list, listDetails, summary, periods, dashboard, details, state };
}

/** The widgets of a synced dashboard, as the grid lays them out. */
export function widgetRows(d: SyncedWidgets | undefined): WidgetRow[] {
  return (d?.widgets ?? []).map((w) => ({
    id: w.id,
    type: w.type,
    x: w.x,
    y: w.y,
    w: w.w,
    h: w.h,
    kpis: w.kpiLinks.flatMap((l) => (l.kpi ? [l.kpi as WidgetKpi] : [])),
    goal: (w.goal ?? undefined) as WidgetGoal | undefined,
    row: w,
  }));
}

export type { Period };
