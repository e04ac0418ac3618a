import type ApexCharts from 'apexcharts';
import { theme } from '../../lib/theme.ts';
import { type Apex, ApexPlot } from './apex-plot.tsx';
import { baseChart, type Palette, readPalette } from './chart-theme.ts';

/**
 * Bars per period (a week, a month) for one to a few series, in the same
 * adapter style as LineChart: callers describe what to draw, never touch
 * ApexCharts, and the library loads on first use. The plot is hidden from
 * assistive tech; the caller gives the text alternative.
 */
export interface BarSeries {
  name: string;
  /** One value per category, in category order; null where there is none (no bar, not a zero). */
  values: readonly (number | null)[];
  color?: string;
  /** Tooltip values of this series; defaults to formatValue. */
  formatValue?: (n: number) => string;
}

export interface BarChartProps {
  /** The x labels ("3 Mar", "Mar 2026"), oldest first. */
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Axis labels, and tooltips of series without their own formatValue. */
  formatValue: (n: number) => string;
  height?: number;
  /** The plot's width (px), when known: x labels are thinned to fit it rather than overlap. */
  width?: number;
}

let loading: Promise<Apex> | undefined;

/**
 * The core and the bar type only: no toolbar, zoom or annotations. The core
 * is one module shared with LineChart's loader, so a page with both loads it once.
 */
function loadApex(): Promise<Apex> {
  loading ??= (async () => {
    const core = await import('apexcharts/core');
    await import('apexcharts/bar');
    return core.default as Apex;
  })().catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/** Room for a label like "28 Mar" or "Sep 2026" at the axis's font size. */
const LABEL_WIDTH = 56;

/** Every label when they fit, else every second, third...: blanks where they would overlap. */
function thinned(categories: readonly string[], width: number | undefined): string[] {
  const room = Math.max(1, Math.floor((width ?? Number.POSITIVE_INFINITY) / LABEL_WIDTH));
  const step = Math.ceil(categories.length / room);
  return categories.map((c, i) => (i % step === 0 ? c : ''));
}

function buildOptions(props: BarChartProps, colors: Palette): ApexCharts.ApexOptions {
  const series = props.series;
  const categories = props.categories;
  const tooltipValue = (v: number | null, opts?: { seriesIndex: number }) =>
    v === null ? 'No value' : (series[opts?.seriesIndex ?? 0]?.formatValue ?? props.formatValue)(v);
  return {
    chart: baseChart('bar', props.height ?? 240, colors),
    series: series.map((s) => ({ name: s.name, data: [...s.values] })),
    colors: series.map((s) => s.color ?? colors.line),
    plotOptions: { bar: { columnWidth: series.length > 1 ? '75%' : '60%', borderRadius: 2, borderRadiusApplication: 'end' } },
    dataLabels: { enabled: false },
    legend: { show: false },
    theme: { mode: colors.mode },
    grid: { borderColor: colors.grid, strokeDashArray: 3 },
    xaxis: {
      type: 'category',
      categories: thinned(categories, props.width),
      labels: { rotate: 0, trim: false },
      axisTicks: { show: false },
    },
    yaxis: { labels: { formatter: (v: number) => props.formatValue(v) }, forceNiceScale: true },
    // The tooltip names every bar, thinned label or not.
    tooltip: {
      theme: colors.mode,
      x: {
        formatter: (v: number | string, opts?: { dataPointIndex: number }) => categories[opts?.dataPointIndex ?? -1] ?? String(v),
      },
      y: { formatter: tooltipValue },
    },
    noData: { text: 'No values in this range' },
  };
}

export function BarChart(props: BarChartProps) {
  return (
    <ApexPlot
      load={loadApex}
      options={buildOptions(props, readPalette(theme()))}
      height={props.height ?? 240}
      class="bar-chart"
      failedText="The chart could not be drawn (its values are listed with it). Reload the page to try again."
    />
  );
}
