import type { Component } from 'solid-js';
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
  /**
   * Opened with a read-only share link (no sign-in): only the dashboard's own
   * query is readable (sync/queries/shared-dashboard.ts), so a widget that
   * reads anything else says it is not available on a shared screen.
   */
  shared?: boolean;
}

/** How the web app draws one widget type (registry.tsx lists them; a pack types its own by its specs' names). */
export interface WidgetRenderer {
  /** The type's name in menus ("Line chart"), the same as its shared spec's. */
  label: string;
  component: Component<WidgetProps>;
  /** The card's heading and accessible name, from what the widget shows. */
  title: (props: WidgetProps) => string;
  /** The title names the card for assistive tech but is not shown (a note needs no heading). */
  hideTitle?: boolean;
  /**
   * It reads more than its dashboard's own query (a pack's data), which a
   * share link may not read: on a shared screen a notice shows instead.
   */
  needsSignIn?: boolean;
  /** A pack's options in the widget editor: the keys it owns, and their fields. */
  options?: { keys: readonly string[]; Fields: Component<WidgetOptionFieldsProps> };
}

/** What a type's option fields get in the widget editor. */
export interface WidgetOptionFieldsProps {
  orgID: string;
  options: Readonly<Record<string, string | boolean>>;
  setOption: (key: string, value: string | boolean) => void;
}
