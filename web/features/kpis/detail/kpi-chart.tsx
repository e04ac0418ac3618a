import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Kpi } from '../../../../sync/schema.ts';
import { LineChart } from '../../../components/chart/line-chart.tsx';
import { useFormats } from '../../organizations/current-organization.tsx';

const DAY = 86_400_000;
const RANGES = [
  { key: '7d', label: '7 days', days: 7 },
  { key: '30d', label: '30 days', days: 30 },
  { key: '90d', label: '90 days', days: 90 },
  { key: '1y', label: '1 year', days: 365 },
  { key: 'all', label: 'All', days: 0 },
] as const;
type RangeKey = (typeof RANGES)[number]['key'];

export interface KPIChartProps {
  kpi: Kpi;
  points: readonly { id: string; value: number; recordedAt: number }[];
  loading: boolean;
  /** The points are the latest N only (the query's limit was reached). */
  truncated?: boolean;
}

/**
 * The KPI's points over time with its target as a dashed line, a few quick
 * time ranges (the chart's own toolbar zooms further), and a written
 * summary of what is in view for people who cannot see the chart.
 */
export function KPIChart(props: KPIChartProps) {
  const [range, setRange] = createSignal<RangeKey>('all');
  const visible = createMemo(() => {
    const r = RANGES.find((x) => x.key === range())!;
    if (r.days === 0 || props.points.length === 0) return undefined;
    const latest = Math.max(Date.now(), ...props.points.map((p) => p.recordedAt));
    return { min: latest - r.days * DAY, max: latest };
  });
  const inView = createMemo(() => {
    const w = visible();
    return w ? props.points.filter((p) => p.recordedAt >= w.min && p.recordedAt <= w.max) : props.points;
  });
  const formats = useFormats();
  // A new function when the formats or the unit change, so the chart redraws its labels.
  const formatValue = createMemo(() => {
    const f = formats();
    const unit = props.kpi.unit;
    return (n: number) => f.quantity(n, unit);
  });
  const formatTime = createMemo(() => formats().dateTime);
  const fmt = (n: number) => formatValue()(n);
  const chartPoints = createMemo(() => props.points.map((p) => ({ x: p.recordedAt, y: p.value })));

  const summary = createMemo(() => {
    const pts = inView();
    const scope =
      range() !== 'all'
        ? `in the last ${RANGES.find((r) => r.key === range())!.label}`
        : props.truncated
          ? '(the latest ones; older points are not drawn)'
          : 'in all';
    const target = `Target ${fmt(props.kpi.target)} (${props.kpi.direction === 'lower' ? 'lower' : 'higher'} is better).`;
    if (pts.length === 0) return `No data points ${scope}. ${target}`;
    const latest = pts.reduce((a, b) => (b.recordedAt > a.recordedAt ? b : a));
    const earliest = pts.reduce((a, b) => (b.recordedAt < a.recordedAt ? b : a));
    const values = pts.map((p) => p.value);
    const count = pts.length === 1 ? '1 data point' : `${pts.length} data points`;
    return (
      `${count} ${scope}, from ${formats().date(earliest.recordedAt)} to ${formats().date(latest.recordedAt)}. ` +
      `Latest ${fmt(latest.value)} on ${formats().dateTime(latest.recordedAt)}; lowest ${fmt(Math.min(...values))}, highest ${fmt(Math.max(...values))}. ${target}`
    );
  });

  return (
    <section class="panel chart-panel" aria-labelledby="chart-title">
      <div class="panel-head">
        <h2 id="chart-title">History</h2>
        <fieldset class="range-buttons">
          <legend class="visually-hidden">Time range</legend>
          <For each={RANGES}>
            {(r) => (
              <button
                type="button"
                class="button button-small range-button"
                aria-pressed={range() === r.key}
                onClick={() => setRange(r.key)}
              >
                {r.label}
              </button>
            )}
          </For>
        </fieldset>
      </div>
      <figure class="chart-figure" aria-labelledby="chart-title" aria-describedby="chart-summary">
        <Show
          when={!props.loading || props.points.length > 0}
          fallback={<div class="skeleton chart-skeleton" aria-hidden="true" />}
        >
          <Show
            when={props.points.length > 0}
            fallback={<p class="panel-hint chart-empty">No data yet — add the first data point below, or import a CSV.</p>}
          >
            <LineChart
              seriesName={props.kpi.name}
              points={chartPoints()}
              target={props.kpi.target}
              targetLabel={`Target ${fmt(props.kpi.target)}`}
              range={visible()}
              formatValue={formatValue()}
              formatTime={formatTime()}
            />
          </Show>
        </Show>
        <figcaption id="chart-summary" class="chart-summary" aria-live="polite">
          {props.loading && props.points.length === 0 ? 'Loading data points…' : summary()}
        </figcaption>
      </figure>
    </section>
  );
}
