import type { DashboardKpi, KpiGroup } from '../../../../shared/shop-floor/line-dashboard.ts';
import { BarChart } from '../../../components/chart/bar-chart.tsx';
import { LineChart } from '../../../components/chart/line-chart.tsx';
import { seriesColor, seriesDash } from '../../dashboards/widgets/widget-text.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { ChartPanel, type ValueRows } from './chart-panel.tsx';
import { dayLabeller, groupValue, seriesSentence } from './chart-text.ts';
import { KPI_LABELS, kpiValueText, shownResult } from './kpi-text.ts';

export interface KpiChartProps {
  title: string;
  kpis: readonly DashboardKpi[];
  groups: readonly KpiGroup[];
  /** What a group is. */
  per: 'day' | 'shift';
  /** Each group's label (a day, a shift's name). */
  label: (key: string) => string;
  withEstimates: boolean;
  tv?: boolean;
  height?: number;
}

/** Every group's value of each KPI as text, for the values table. */
function valueRows(props: KpiChartProps, fmtValue: (g: KpiGroup, k: DashboardKpi) => string, first: string): ValueRows {
  return {
    head: [first, ...props.kpis.map((k) => KPI_LABELS[k])],
    rows: props.groups.map((g) => ({ key: g.key, cells: [props.label(g.key), ...props.kpis.map((k) => fmtValue(g, k))] })),
  };
}

function useKpiText(props: KpiChartProps) {
  const org = useCurrentOrganization();
  const fmt = () => org.formats();
  const cell = (g: KpiGroup, k: DashboardKpi) => {
    const r = shownResult(g.kpis[k], props.withEstimates);
    return `${kpiValueText(fmt(), r)}${r.warnings.length ? ' ⚠' : ''}${g.kpis[k].estimates.length ? ' (estimated)' : ''}`;
  };
  const percent = (n: number) => fmt().quantity(Math.round(n * 10) / 10, '%');
  const summary = (unitOf: (n: number) => string) =>
    props.kpis
      .map((k) =>
        seriesSentence(
          `${KPI_LABELS[k]} by ${props.per}`,
          props.groups.map((g) => ({ label: props.label(g.key), value: groupValue(g, k, props.withEstimates) })),
          unitOf,
        ),
      )
      .join(' ');
  return { fmt, cell, percent, summary };
}

/** The days' span on a time axis (UTC midnights): the whole range shows, gaps included. */
function dayRange(groups: readonly KpiGroup[]): { min: number; max: number } | undefined {
  const first = groups[0];
  const last = groups[groups.length - 1];
  return first && last ? { min: Date.parse(`${first.key}T00:00:00Z`), max: Date.parse(`${last.key}T00:00:00Z`) } : undefined;
}

/** KPIs (percentages) per day as lines, dashed differently so they differ by more than colour. */
export function KpiByDayChart(props: KpiChartProps) {
  const text = useKpiText(props);
  const day = () => dayLabeller(text.fmt().settings.locale);
  return (
    <ChartPanel
      title={props.title}
      summary={text.summary(text.percent)}
      values={valueRows(props, text.cell, 'Day')}
      tv={props.tv ?? false}
    >
      <LineChart
        series={props.kpis.map((k, i) => ({
          name: KPI_LABELS[k],
          color: seriesColor(i),
          dash: seriesDash(i),
          points: props.groups.flatMap((g) => {
            const y = groupValue(g, k, props.withEstimates);
            return y === null ? [] : [{ x: Date.parse(`${g.key}T00:00:00Z`), y }];
          }),
        }))}
        formatValue={text.percent}
        formatTime={(ms) => day()(ms)}
        range={dayRange(props.groups)}
        toolbar={false}
        height={props.height ?? 260}
      />
      <ul class="sf-legend" aria-hidden="true">
        {props.kpis.map((k, i) => (
          <li>
            <svg viewBox="0 0 16 4" class="sf-swatch" aria-hidden="true">
              <line
                x1="0"
                y1="2"
                x2="16"
                y2="2"
                stroke={seriesColor(i)}
                stroke-width="3"
                stroke-dasharray={seriesDash(i) ? `${Math.min(seriesDash(i), 6)} 2` : undefined}
              />
            </svg>
            {KPI_LABELS[k]}
          </li>
        ))}
      </ul>
    </ChartPanel>
  );
}

/** KPIs per group (shift) as grouped bars; `unit` formats the axis (percent, or ppm). */
export function KpiBarChart(props: KpiChartProps & { unit?: '%' | 'ppm' }) {
  const text = useKpiText(props);
  const format = (n: number) => (props.unit === 'ppm' ? `${text.fmt().number(Math.round(n))} ppm` : text.percent(n));
  return (
    <ChartPanel
      title={props.title}
      summary={text.summary(format)}
      values={valueRows(props, text.cell, props.per === 'shift' ? 'Shift' : 'Day')}
      tv={props.tv ?? false}
    >
      <BarChart
        categories={props.groups.map((g) => props.label(g.key))}
        series={props.kpis.map((k, i) => ({
          name: KPI_LABELS[k],
          color: seriesColor(i),
          values: props.groups.map((g) => groupValue(g, k, props.withEstimates)),
        }))}
        formatValue={format}
        height={props.height ?? 260}
      />
    </ChartPanel>
  );
}
