import type ApexCharts from 'apexcharts';
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js';

/**
 * The one adapter around ApexCharts: pages describe what to draw (points, a
 * target line, the visible time window) and never touch ApexCharts. The
 * library is loaded on first use, so pages without a chart stay light.
 *
 * The plot is hidden from assistive tech; the caller gives the text
 * alternative (a summary and a table of the values), which a drawing can
 * never replace.
 */
export interface ChartPoint {
  /** Epoch ms. */
  x: number;
  y: number;
}

export interface LineChartProps {
  seriesName: string;
  /** Any order; drawn by time. */
  points: readonly ChartPoint[];
  /** Drawn as a dashed horizontal line. */
  target?: number | undefined;
  targetLabel?: string;
  /** The visible time window; undefined shows everything. */
  range?: { min: number; max: number } | undefined;
  formatValue: (n: number) => string;
  /** The tooltip's time (epoch ms); the axis keeps ApexCharts' own short labels. */
  formatTime?: (ms: number) => string;
  height?: number;
}

const ACCENT = '#0f766e';
const TARGET = '#9a6700';

type Apex = typeof ApexCharts;
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

function buildOptions(props: LineChartProps): ApexCharts.ApexOptions {
  const data = [...props.points].sort((a, b) => a.x - b.x).map((p) => ({ x: p.x, y: p.y }));
  const scale = yScale(props.points, props.target);
  // Read here, not inside the label callbacks, so a change of format (the organization's locale) redraws too.
  const { formatValue, formatTime } = props;
  return {
    chart: {
      type: 'line',
      height: props.height ?? 320,
      width: '100%',
      fontFamily: 'inherit',
      animations: { enabled: false },
      zoom: { enabled: true, type: 'x' },
      toolbar: {
        show: true,
        autoSelected: 'zoom',
        tools: { download: false, selection: false, zoom: true, zoomin: true, zoomout: true, pan: true, reset: true },
      },
      // Our own summary and table speak for the chart (see the module comment).
      accessibility: { enabled: false },
    },
    series: [{ name: props.seriesName, data }],
    colors: [ACCENT],
    stroke: { width: 2, curve: 'straight' },
    markers: { size: data.length > 60 ? 0 : 4, strokeWidth: 0, hover: { size: 6 } },
    dataLabels: { enabled: false },
    legend: { show: false },
    grid: { borderColor: '#e3e8ea', strokeDashArray: 3 },
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
      x: formatTime ? { formatter: (ms: number) => formatTime(ms) } : { format: 'd MMM yyyy, HH:mm' },
      y: { formatter: (v: number) => formatValue(v) },
    },
    annotations: {
      yaxis:
        props.target === undefined
          ? []
          : [
              {
                y: props.target,
                borderColor: TARGET,
                strokeDashArray: 6,
                borderWidth: 2,
                label: {
                  text: props.targetLabel ?? 'Target',
                  borderColor: TARGET,
                  style: { background: TARGET, color: '#fff', fontSize: '12px' },
                },
              },
            ],
    },
    noData: { text: 'No data points in this range' },
  };
}

export function LineChart(props: LineChartProps) {
  let host!: HTMLDivElement;
  let chart: ApexCharts | undefined;
  let disposed = false;
  const [ready, setReady] = createSignal(false);
  const [failed, setFailed] = createSignal(false);

  onMount(() => {
    loadApex()
      .then(async (Apex) => {
        if (disposed) return;
        chart = new Apex(host, buildOptions(props));
        await chart.render();
        if (!disposed) setReady(true);
      })
      .catch(() => setFailed(true));
  });

  // Any change (a point lands, the target moves, a range is picked) redraws
  // from the props; ApexCharts diffs internally.
  createEffect(() => {
    const options = buildOptions(props);
    if (!ready() || !chart) return;
    void chart.updateOptions(options, true, false);
  });

  onCleanup(() => {
    disposed = true;
    chart?.destroy();
    chart = undefined;
  });

  return (
    <div class="line-chart" style={{ 'min-height': `${props.height ?? 320}px` }}>
      <Show when={failed()}>
        <p class="panel-hint">The chart could not be drawn (the values are in the table below). Reload the page to try again.</p>
      </Show>
      <div ref={host} class="line-chart-plot" aria-hidden="true" />
    </div>
  );
}
