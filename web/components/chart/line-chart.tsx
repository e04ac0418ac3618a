import type ApexCharts from 'apexcharts';
import { theme } from '../../lib/theme.ts';
import { type Apex, ApexPlot } from './apex-plot.tsx';
import { baseChart, type Palette, readPalette } from './chart-theme.ts';

/**
 * The one adapter around ApexCharts: pages describe what to draw (points, a
 * target line, the visible time window) and never touch ApexCharts. The
 * library is loaded on first use, so pages without a chart stay light.
 *
 * The plot is hidden from assistive tech; the caller gives the text
 * alternative (a summary and a table of the values), which a drawing can
 * never replace. Its colours are the page's style tokens, read again when
 * the theme changes.
 */
export interface ChartPoint {
  /** Epoch ms. */
  x: number;
  y: number;
}

/** One line of a chart with several (dashboard widgets compare up to six KPIs). */
export interface LineSeries {
  name: string;
  /** Any order; drawn by time. */
  points: readonly ChartPoint[];
  /** Defaults to the accent colour. */
  color?: string;
  /** Dash length in px (0 or undefined: solid), so lines differ by more than colour. */
  dash?: number;
  /** Tooltip values of this line (KPIs on one chart may have different units); defaults to formatValue. */
  formatValue?: (n: number) => string;
}

/** One line (seriesName and points) or several (series). */
export type LineChartProps = LineChartOptions &
  (
    | { seriesName: string; points: readonly ChartPoint[]; series?: undefined }
    | { series: readonly LineSeries[]; seriesName?: undefined; points?: undefined }
  );

interface LineChartOptions {
  /** Drawn as a dashed horizontal line. */
  target?: number | undefined;
  targetLabel?: string;
  /** The visible time window; undefined shows everything. */
  range?: { min: number; max: number } | undefined;
  /** Axis labels, and tooltips of lines without their own formatValue. */
  formatValue: (n: number) => string;
  /** The tooltip's time (epoch ms); the axis keeps ApexCharts' own short labels. */
  formatTime?: (ms: number) => string;
  height?: number;
  /** The zoom and pan toolbar; on unless false (small dashboard widgets leave it off). */
  toolbar?: boolean;
}

let loading: Promise<Apex> | undefined;

/** Only what a line chart with zoom and a target line needs (the full bundle is far larger). */
function loadApex(): Promise<Apex> {
  loading ??= (async () => {
    const core = await import('apexcharts/core');
    await Promise.all([
      import('apexcharts/line'),
      import('apexcharts/features/toolbar'),
      import('apexcharts/features/annotations'),
    ]);
    return core.default as Apex;
  })().catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/** 1, 2, 2.5 or 5 times a power of ten: steps people read easily. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/** The y axis always shows the target line, on round ticks with a little air around the data. */
function yScale(
  points: readonly ChartPoint[],
  target: number | undefined,
): { min: number; max: number; ticks: number } | undefined {
  const values = points.map((p) => p.y);
  if (target !== undefined) values.push(target);
  if (values.length === 0) return undefined;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) || 1;
  const step = niceStep((span * 1.1) / 4);
  let min = Math.floor((lo - span * 0.04) / step) * step;
  const max = Math.ceil((hi + span * 0.04) / step) * step;
  if (lo >= 0 && min < 0) min = 0;
  return { min, max, ticks: Math.max(1, Math.round((max - min) / step)) };
}

function seriesOf(props: LineChartProps, colors: Palette): readonly LineSeries[] {
  return props.series ?? [{ name: props.seriesName, points: props.points, color: colors.line }];
}

function buildOptions(props: LineChartProps, colors: Palette): ApexCharts.ApexOptions {
  const lines = seriesOf(props, colors);
  const data = lines.map((l) => [...l.points].sort((a, b) => a.x - b.x).map((p) => ({ x: p.x, y: p.y })));
  const longest = Math.max(0, ...data.map((d) => d.length));
  const scale = yScale(
    lines.flatMap((l) => l.points),
    props.target,
  );
  const toolbar = props.toolbar ?? true;
  // Read here, not inside the label callbacks, so a change of format (the organization's locale) redraws too.
  const { formatValue, formatTime } = props;
  const tooltipValue = (v: number | null, opts?: { seriesIndex: number }) =>
    v === null ? '' : (lines[opts?.seriesIndex ?? 0]?.formatValue ?? formatValue)(v);
  return {
    chart: {
      ...baseChart('line', props.height ?? 320, colors),
      zoom: { enabled: toolbar, type: 'x' },
      toolbar: {
        show: toolbar,
        autoSelected: 'zoom',
        tools: { download: false, selection: false, zoom: true, zoomin: true, zoomout: true, pan: true, reset: true },
      },
    },
    theme: { mode: colors.mode },
    series: lines.map((l, i) => ({ name: l.name, data: data[i]! })),
    colors: lines.map((l) => l.color ?? colors.line),
    stroke: { width: 2, curve: 'straight', dashArray: lines.map((l) => l.dash ?? 0) },
    markers: { size: longest > 60 ? 0 : 4, strokeWidth: 0, hover: { size: 6 } },
    dataLabels: { enabled: false },
    legend: { show: false },
    grid: { borderColor: colors.grid, strokeDashArray: 3 },
    xaxis: {
      type: 'datetime',
      min: props.range?.min,
      max: props.range?.max,
      labels: { datetimeUTC: false },
    },
    yaxis: {
      min: scale?.min,
      max: scale?.max,
      tickAmount: scale?.ticks,
      labels: { formatter: (v: number) => formatValue(v) },
    },
    tooltip: {
      theme: colors.mode,
      x: formatTime ? { formatter: (ms: number) => formatTime(ms) } : { format: 'd MMM yyyy, HH:mm' },
      y: { formatter: tooltipValue },
    },
    annotations: {
      yaxis:
        props.target === undefined
          ? []
          : [
              {
                y: props.target,
                borderColor: colors.target,
                strokeDashArray: 6,
                borderWidth: 2,
                label: {
                  text: props.targetLabel ?? 'Target',
                  borderColor: colors.target,
                  style: { background: colors.target, color: colors.onTarget, fontSize: '12px' },
                },
              },
            ],
    },
    noData: { text: 'No data points in this range' },
  };
}

export function LineChart(props: LineChartProps) {
  return (
    <ApexPlot
      load={loadApex}
      options={buildOptions(props, readPalette(theme()))}
      height={props.height ?? 320}
      class="line-chart"
      failedText="The chart could not be drawn (the values are in the table below). Reload the page to try again."
    />
  );
}
