import { createMemo } from 'solid-js';
import { type Bucket, bucketed } from '../../../../shared/dashboards/series.ts';
import { BarChart } from '../../../components/chart/bar-chart.tsx';
import { ChartFigure, ValueTable } from './chart-figure.tsx';
import { withUnit } from './formats.ts';
import { WidgetBody } from './widget-frame.tsx';
import type { WidgetKpi, WidgetProps } from './widget-props.ts';
import {
  axisFormat,
  barMeaning,
  barOptions,
  bucketLabel,
  bucketName,
  noValuesIn,
  periodPhrase,
  seriesColor,
} from './widget-text.ts';

interface Bars {
  kpi: WidgetKpi;
  buckets: Bucket[];
  color: string;
  format: (n: number) => string;
}

/** One to three KPIs in weekly or monthly bars (options.bucket), each bar the bucket's sum, average or last value. */
export function BarWidget(props: WidgetProps) {
  const options = createMemo(() => barOptions(props.widget, props.period));
  const bars = createMemo<Bars[]>(() =>
    props.kpis.map((kpi, i) => ({
      kpi,
      buckets: bucketed(kpi.dataPoints, props.period, options().bucket, options().aggregate),
      color: seriesColor(i),
      format: (n: number) => withUnit(n, kpi.unit),
    })),
  );
  // Every KPI is bucketed over the same period, so they share their buckets.
  const starts = createMemo(() => bars()[0]?.buckets.map((b) => b.start) ?? []);
  const phrase = () => periodPhrase(props.period, props.now);
  const name = (start: number) => bucketName(start, options().bucket);
  const empty = createMemo(() => {
    if (props.kpis.length === 0) return 'The KPIs on this chart were removed or archived.';
    return bars().every((b) => b.buckets.every((x) => x.value === null)) ? noValuesIn(props.period, props.now) : false;
  });

  const describe = (b: Bars): string => {
    const filled = b.buckets.filter((x): x is { start: number; value: number } => x.value !== null);
    if (filled.length === 0) return `${b.kpi.name}: no values`;
    const first = filled[0]!;
    const last = filled[filled.length - 1]!;
    const high = filled.reduce((a, x) => (x.value > a.value ? x : a));
    if (filled.length === 1) return `${b.kpi.name}: ${b.format(first.value)} in ${name(first.start)}`;
    return (
      `${b.kpi.name} from ${b.format(first.value)} in ${name(first.start)} to ${b.format(last.value)} in ${name(last.start)}` +
      ` (highest ${b.format(high.value)} in ${name(high.start)})`
    );
  };
  const summary = createMemo(
    () => `Bar chart of ${phrase()}, ${barMeaning(options()).toLowerCase()}. ${bars().map(describe).join('; ')}.`,
  );

  return (
    <WidgetBody state={props.state} empty={empty()} class="widget-body-chart">
      <ChartFigure
        summary={summary()}
        legend={bars().map((b) => ({ name: b.kpi.name, color: b.color }))}
        note={barMeaning(options())}
        tv={props.tv}
        values={() => (
          <ValueTable
            caption={`${barMeaning(options())}, ${phrase()}`}
            head={[options().bucket === 'month' ? 'Month' : 'Week', ...bars().map((b) => b.kpi.name)]}
            rows={starts().map((start, i) => ({
              key: start,
              cells: [
                bucketName(start, options().bucket),
                ...bars().map((b) => {
                  const v = b.buckets[i]?.value ?? null;
                  return v === null ? '—' : b.format(v);
                }),
              ],
            }))}
          />
        )}
      >
        {(size) => (
          <BarChart
            categories={starts().map((s) => bucketLabel(s, options().bucket, props.period))}
            series={bars().map((b) => ({
              name: b.kpi.name,
              values: b.buckets.map((x) => x.value),
              color: b.color,
              formatValue: b.format,
            }))}
            formatValue={axisFormat(props.kpis)}
            height={size().height}
            width={size().width}
          />
        )}
      </ChartFigure>
    </WidgetBody>
  );
}
