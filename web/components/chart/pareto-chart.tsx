import type ApexCharts from 'apexcharts';
import { theme } from '../../lib/theme.ts';
import { type Apex, ApexPlot } from './apex-plot.tsx';
import { baseChart, type Palette, readPalette } from './chart-theme.ts';

/**
 * A Pareto chart: bars largest first on the left axis, the cumulative share
 * as a line on a 0-100 % right axis, in the adapter's style (callers never
 * touch ApexCharts; the plot is hidden from assistive tech and the caller
 * gives the text alternative). Each bar's label carries its kind in words,
 * so kinds never differ by colour alone.
 */
export interface ParetoItem {
  /** The bar's label, kind included ("MECH · Breakdown (unplanned)"). */
  label: string;
  value: number;
  /** 0-100, this bar and every larger one. */
  cumulative: number;
  color?: string;
}

export interface ParetoChartProps {
  items: readonly ParetoItem[];
  valueName: string;
  formatValue: (n: number) => string;
  height?: number;
}

let loading: Promise<Apex> | undefined;

/** The core with the bar and line types: the cumulative line is drawn over the bars. */
function loadApex(): Promise<Apex> {
  loading ??= (async () => {
    const core = await import('apexcharts/core');
    await Promise.all([import('apexcharts/bar'), import('apexcharts/line')]);
    return core.default as Apex;
  })().catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

function buildOptions(props: ParetoChartProps, colors: Palette): ApexCharts.ApexOptions {
  const items = props.items;
  const percent = (v: number) => `${Math.round(v)}%`;
  return {
    chart: baseChart('line', props.height ?? 280, colors),
    theme: { mode: colors.mode },
    series: [
      {
        name: props.valueName,
        type: 'column',
        data: items.map((i) => ({ x: i.label, y: i.value, fillColor: i.color ?? colors.line })),
      },
      { name: 'Cumulative share', type: 'line', data: items.map((i) => ({ x: i.label, y: i.cumulative })) },
    ],
    colors: [colors.line, colors.target],
    stroke: { width: [0, 2], curve: 'straight' },
    markers: { size: [0, 4], strokeWidth: 0 },
    plotOptions: { bar: { columnWidth: '60%', borderRadius: 2, borderRadiusApplication: 'end' } },
    dataLabels: { enabled: false },
    legend: { show: false },
    grid: { borderColor: colors.grid, strokeDashArray: 3 },
    xaxis: { type: 'category', labels: { rotate: -30, trim: true, hideOverlappingLabels: true }, axisTicks: { show: false } },
    yaxis: [
      { seriesName: props.valueName, labels: { formatter: (v: number) => props.formatValue(v) }, forceNiceScale: true },
      { seriesName: 'Cumulative share', opposite: true, min: 0, max: 100, tickAmount: 4, labels: { formatter: percent } },
    ],
    tooltip: {
      theme: colors.mode,
      shared: true,
      intersect: false,
      y: {
        formatter: (v: number | null, opts?: { seriesIndex: number }) =>
          v === null ? '' : opts?.seriesIndex === 1 ? percent(v) : props.formatValue(v),
      },
    },
    noData: { text: 'Nothing to show' },
  };
}

export function ParetoChart(props: ParetoChartProps) {
  return (
    <ApexPlot
      load={loadApex}
      options={buildOptions(props, readPalette(theme()))}
      height={props.height ?? 280}
      class="pareto-chart"
      failedText="The chart could not be drawn (its values are listed with it). Reload the page to try again."
    />
  );
}
