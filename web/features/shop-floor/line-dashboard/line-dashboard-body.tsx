import { A } from '@solidjs/router';
import { For, type JSX, Match, Switch } from 'solid-js';
import { DASHBOARD_KPIS } from '../../../../shared/shop-floor/line-dashboard.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { dayLabeller } from './chart-text.ts';
import { type DashboardFilter, useLineDashboard } from './dashboard-data.ts';
import { DowntimePanel } from './downtime-panel.tsx';
import { KpiBarChart, KpiByDayChart } from './kpi-charts.tsx';
import { KpiTile } from './kpi-tile.tsx';
import { TodayUnits } from './today-units.tsx';

type Named = readonly { id: string; name: string }[];

export interface LineDashboardBodyProps {
  orgID: string;
  filter: DashboardFilter;
  today: number;
  timeZone: string;
  now: number;
  withEstimates: boolean;
  /** The filter bar, given the lines and shifts to offer. */
  filters: (lines: Named, shifts: Named) => JSX.Element;
}

/** Where a newcomer goes when nothing has been entered yet. */
function NothingYet(props: { title: string }) {
  return (
    <div class="empty-state">
      <h2>{props.title}</h2>
      <p>The dashboard fills as the floor enters production, live. Start from one of these:</p>
      <ul class="sf-links">
        <li>
          <A href="/shop-floor/entry">Enter production, quality and downtime</A>
        </li>
        <li>
          <A href="/shop-floor/check-in">Check in from a phone</A>
        </li>
        <li>
          <A href="/settings/shop-floor">Set up lines, products and shifts (master data)</A>
        </li>
      </ul>
    </div>
  );
}

/** The dashboard under its filters: KPI tiles, today's units, charts by day and shift, the downtime Pareto. */
export function LineDashboardBody(props: LineDashboardBodyProps) {
  const org = useCurrentOrganization();
  const data = useLineDashboard(
    () => props.orgID,
    () => props.filter,
    () => props.now,
  );
  const day = () => dayLabeller(org.formats().settings.locale);
  const shiftName = (id: string) =>
    id === '' ? 'No shift named' : (data.shifts().find((s) => s.id === id)?.name ?? 'Archived shift');
  const hasData = () => data.rows().length > 0 || data.pareto().stops > 0;

  return (
    <>
      {props.filters(data.lines(), data.shifts())}
      <Switch>
        <Match when={data.loading()}>
          <div aria-busy="true">
            <p class="visually-hidden">Loading the line dashboard…</p>
            <div class="skeleton page-skeleton" aria-hidden="true" />
          </div>
        </Match>
        <Match when={data.linesLoaded() && data.lines().length === 0}>
          <NothingYet title="No lines yet" />
        </Match>
        <Match when={!hasData()}>
          <NothingYet title="No production recorded in this range" />
          <TodayUnits day={props.today} timeZone={props.timeZone} lines={data.lines()} units={data.unitsOn(props.today)} />
        </Match>
        <Match when={hasData()}>
          <ul class="sf-kpis sf-kpi-list" aria-label="KPIs of the range">
            <For each={DASHBOARD_KPIS}>
              {(name) => (
                <li>
                  <KpiTile
                    name={name}
                    result={data.total()[name]}
                    withEstimates={props.withEstimates}
                    products={data.productByID()}
                  />
                </li>
              )}
            </For>
          </ul>
          <div class="sf-grid">
            <TodayUnits day={props.today} timeZone={props.timeZone} lines={data.lines()} units={data.unitsOn(props.today)} />
            <KpiByDayChart
              title="OEE and its factors by day"
              per="day"
              kpis={['oee', 'availability', 'performance', 'quality']}
              groups={data.byDay()}
              label={(k) => day()(k)}
              withEstimates={props.withEstimates}
            />
            <KpiBarChart
              title="KPIs by shift"
              per="shift"
              kpis={['oee', 'availability', 'performance', 'quality', 'efficiency']}
              groups={data.byShift()}
              label={shiftName}
              withEstimates={props.withEstimates}
            />
            <KpiByDayChart
              title="Efficiency and on-time delivery by day"
              per="day"
              kpis={['efficiency', 'otd']}
              groups={data.byDay()}
              label={(k) => day()(k)}
              withEstimates={props.withEstimates}
            />
            <KpiBarChart
              title="Defective PPM by day"
              per="day"
              unit="ppm"
              kpis={['ppm']}
              groups={data.byDay()}
              label={(k) => day()(k)}
              withEstimates={props.withEstimates}
            />
            <KpiBarChart
              title="Defective PPM by shift"
              per="shift"
              unit="ppm"
              kpis={['ppm']}
              groups={data.byShift()}
              label={shiftName}
              withEstimates={props.withEstimates}
            />
            <DowntimePanel pareto={data.pareto()} />
          </div>
        </Match>
      </Switch>
    </>
  );
}
