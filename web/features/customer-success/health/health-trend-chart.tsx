import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, For, Show } from 'solid-js';
import { startOfMonth } from '../../../../shared/health/breakdown.ts';
import { queries } from '../../../../sync/queries.ts';
import type { HealthTrend } from '../../../../sync/schema.ts';
import { LineChart } from '../../../components/chart/line-chart.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { HealthScore } from './health-score.tsx';

export interface HealthTrendChartProps {
  accountID: string;
  /** The account's name, for the headings and each month's breakdown. */
  accountName: string;
}

/**
 * An account's monthly health (the trend): a line chart of the overall score
 * by month, and its text alternative, a table in which every month's score
 * opens its "why this number".
 */
export function HealthTrendChart(props: HealthTrendChartProps) {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const [rows, details] = useQuery(() => queries.health.trend({ orgID: org.orgID, accountID: props.accountID }));
  const scored = createMemo(() =>
    rows().filter((r): r is HealthTrend & { overall: number } => r.overall !== null && r.overall !== undefined),
  );
  const summary = () => {
    const s = scored();
    if (rows().length === 0) return 'No monthly health yet.';
    if (s.length === 0) return `${rows().length} months, none with a score yet.`;
    const last = s[s.length - 1] as (typeof s)[number];
    const lows = Math.min(...s.map((r) => r.overall));
    const highs = Math.max(...s.map((r) => r.overall));
    return `${s.length} scored months from ${s[0]?.month} to ${last.month}. Latest ${fmt().number(last.overall)}; lowest ${fmt().number(lows)}, highest ${fmt().number(highs)}.`;
  };

  return (
    <section class="panel chart-panel" aria-labelledby="health-trend-title">
      <h2 id="health-trend-title">Health by month</h2>
      <QueryError details={details()} what="the health trend" />
      <figure class="chart-figure" aria-labelledby="health-trend-title" aria-describedby="health-trend-summary">
        <Show
          when={details().type !== 'unknown' || rows().length > 0}
          fallback={<div class="skeleton chart-skeleton" aria-hidden="true" />}
        >
          <Show
            when={scored().length > 0}
            fallback={
              <p class="panel-hint chart-empty">
                No scored month yet: health appears once a KPI of this account has a value and a reference range.
              </p>
            }
          >
            <LineChart
              seriesName={`Health of ${props.accountName}`}
              points={scored().map((r) => ({ x: startOfMonth(r.month), y: r.overall }))}
              formatValue={(n) => fmt().number(n)}
              formatTime={(ms) => new Date(ms).toISOString().slice(0, 7)}
              height={260}
            />
          </Show>
        </Show>
        <figcaption id="health-trend-summary" class="chart-summary" aria-live="polite">
          {details().type === 'unknown' && rows().length === 0 ? 'Loading the monthly health…' : summary()}
        </figcaption>
      </figure>
      <Show when={rows().length > 0}>
        <table class="data-table stack-table">
          <caption class="visually-hidden">Health of {props.accountName} by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Health</th>
              <th scope="col">Scored KPIs</th>
              <th scope="col">Configuration</th>
            </tr>
          </thead>
          <tbody>
            <For each={[...rows()].reverse()}>
              {(r) => (
                <tr>
                  <th scope="row" data-label="Month">
                    {r.month}
                  </th>
                  <td data-label="Health">
                    <HealthScore health={r} subject={`${props.accountName}, ${r.month}`} />
                  </td>
                  <td data-label="Scored KPIs">
                    {r.validKpis} of {r.totalKpis}
                  </td>
                  <td data-label="Configuration">{r.configVersion === 0 ? 'Defaults' : `v${r.configVersion}`}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
