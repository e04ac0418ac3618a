import { createMemo, For } from 'solid-js';
import { pointsIn, type TimedValue } from '../../../../shared/dashboards/series.ts';
import { LineChart } from '../../../components/chart/line-chart.tsx';
import { ChartFigure, ValueTable } from './chart-figure.tsx';
import { formatDate, formatDateTime, withUnit } from './formats.ts';
import { WidgetBody } from './widget-frame.tsx';
import type { WidgetKpi, WidgetProps } from './widget-props.ts';
import { axisFormat, noValuesIn, periodPhrase, seriesColor, seriesDash, showTargetOption } from './widget-text.ts';

interface Line {
  kpi: WidgetKpi;
  points: TimedValue[];
  color: string;
  dash: number;
  format: (n: number) => string;
}

/** "MRR from 38,200 $ on 3 Jan to 45,250 $ on 28 Mar" (or its single value, or that it has none). */
function describeLine(line: Line, period: string): string {
  const pts = line.points;
  const name = line.kpi.name;
  if (pts.length === 0) return `${name}: no values in ${period}`;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  if (pts.length === 1) return `${name}: ${line.format(first.value)} on ${formatDate(first.recordedAt)}`;
  const values = pts.map((p) => p.value);
  return (
    `${name} from ${line.format(first.value)} on ${formatDate(first.recordedAt)} to ${line.format(last.value)} on ${formatDate(last.recordedAt)}` +
    ` (lowest ${line.format(Math.min(...values))}, highest ${line.format(Math.max(...values))})`
  );
}

/** One to six KPIs over the dashboard's period; with one KPI, optionally its target as a dashed line. */
export function LineWidget(props: WidgetProps) {
  const lines = createMemo<Line[]>(() =>
    props.kpis.map((kpi, i) => ({
      kpi,
      points: pointsIn(kpi.dataPoints, props.period),
      color: seriesColor(i),
      dash: seriesDash(i),
      format: (n: number) => withUnit(n, kpi.unit),
    })),
  );
  // A target line is one KPI's: on a chart of several it would belong to none.
  const target = createMemo(() => (showTargetOption(props.widget) && props.kpis.length === 1 ? props.kpis[0] : undefined));
  const phrase = () => periodPhrase(props.period, props.now);
  const empty = createMemo(() => {
    if (props.kpis.length === 0) return 'The KPIs on this chart were removed or archived.';
    return lines().every((l) => l.points.length === 0) ? noValuesIn(props.period, props.now) : false;
  });
  const summary = createMemo(() => {
    const t = target();
    const parts = lines().map((l) => describeLine(l, phrase()));
    const targetPart = t ? `; target ${withUnit(t.target, t.unit)}` : '';
    return `Line chart of ${phrase()}. ${parts.join('; ')}${targetPart}.`;
  });
  const range = createMemo(() => {
    const latest = Math.max(0, ...lines().map((l) => l.points[l.points.length - 1]?.recordedAt ?? 0));
    // A rolling range ends at midnight; stopping at now keeps the line from ending short of the right edge.
    return { min: props.period.start, max: Math.min(props.period.end, Math.max(props.now, latest)) };
  });

  return (
    <WidgetBody state={props.state} empty={empty()} class="widget-body-chart">
      <ChartFigure
        summary={summary()}
        legend={lines().map((l) => ({ name: l.kpi.name, color: l.color, dash: l.dash }))}
        tv={props.tv}
        values={() => (
          <For each={lines()}>
            {(l) => (
              <ValueTable
                caption={`${l.kpi.name}, ${phrase()}`}
                head={['Recorded', 'Value']}
                rows={l.points.map((p) => ({ key: p.recordedAt, cells: [formatDateTime(p.recordedAt), l.format(p.value)] }))}
              />
            )}
          </For>
        )}
      >
        {(size) => (
          <LineChart
            series={lines().map((l) => ({
              name: l.kpi.name,
              points: l.points.map((p) => ({ x: p.recordedAt, y: p.value })),
              color: l.color,
              dash: l.dash,
              formatValue: l.format,
            }))}
            target={target()?.target}
            targetLabel={target() ? `Target ${withUnit(target()!.target, target()!.unit)}` : undefined}
            range={range()}
            formatValue={axisFormat(props.kpis)}
            height={size().height}
            toolbar={false}
          />
        )}
      </ChartFigure>
    </WidgetBody>
  );
}
