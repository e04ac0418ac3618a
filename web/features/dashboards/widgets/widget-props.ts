import type { Period } from '../../../../shared/dashboards/time-range.ts';
import type { DashboardWidget, DataPoint, Goal, GoalKpi, Kpi } from '../../../../sync/schema.ts';

/** A KPI as a widget gets it: with its points since the start of the period before the range, newest first. */
export type WidgetKpi = Kpi & { readonly dataPoints: readonly DataPoint[] };

/** A goal widget's goal, with its weighted KPIs. */
export type WidgetGoal = Goal & { readonly goalKpis: readonly (GoalKpi & { readonly kpi: Kpi | undefined })[] };

/** The state of the dashboard's data: synced, still arriving, or refused by the server. */
export type DataState = { kind: 'ready' } | { kind: 'loading' } | { kind: 'error'; message: string };

/**
 * What every widget component gets: its row, the KPIs it shows (in order;
 * missing ones are gone or archived out of the organization), its goal, the
 * dashboard's period and the one before it, and the data's state. A widget
 * renders the loading and error states itself only through WidgetBody.
 */
export interface WidgetProps {
  widget: DashboardWidget;
  kpis: readonly WidgetKpi[];
  goal: WidgetGoal | undefined;
  period: Period;
  previous: Period;
  state: DataState;
  /** For "updated … ago"; ticks every 30 s. */
  now: number;
  /** Wall-screen mode: larger type, no controls. */
  tv: boolean;
  /** Quick data entry on number widgets (members who may add data points, not wall screens). */
  canAddData: boolean;
}
