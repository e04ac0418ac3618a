import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, For, Show } from 'solid-js';
import { startOfMonth } from '../../../../shared/health/breakdown.ts';
import { queries } from '../../../../sync/queries.ts';
import { LineChart } from '../../../components/chart/line-chart.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { HealthScore } from './health-score.tsx';

/** The mean of the scored accounts' overall health per month, oldest first. */
function monthlyMeans(rows: readonly { month: string; overall?: number | null | undefined }[]) {
  const byMonth = new Map<string, number[]>();
  for (const r of rows) {
    if (r.overall === null || r.overall === undefined) continue;
    byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r.overall]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, scores]) => ({ month, mean: scores.reduce((s, x) => s + x, 0) / scores.length, accounts: scores.length }));
}

/**
 * The portfolio: every account's current health (lowest first, each opening
 * its "why this number") and the organization's mean health by month.
 */
export function PortfolioHealth() {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const [current, details] = useQuery(() => queries.health.portfolio({ orgID: org.orgID }));
  const [trend] = useQuery(() => queries.health.portfolioTrend({ orgID: org.orgID }));
  const ranked = createMemo(() =>
    [...current()]
      .filter((h) => h.account?.status !== 'inactive')
      .sort((a, b) => (a.overall ?? 101) - (b.overall ?? 101) || (a.account?.name ?? '').localeCompare(b.account?.name ?? '')),
  );
  const means = createMemo(() => monthlyMeans(trend()));

  return (
    <section class="panel" aria-labelledby="portfolio-health-title">
      <h2 id="portfolio-health-title">Portfolio health</h2>
      <QueryError details={details()} what="the accounts’ health" />
      <figure class="chart-figure" aria-describedby="portfolio-health-summary">
        <Show when={means().length > 0} fallback={<p class="panel-hint chart-empty">No scored month yet.</p>}>
          <LineChart
            seriesName="Mean health"
            points={means().map((m) => ({ x: startOfMonth(m.month), y: m.mean }))}
            formatValue={(n) => fmt().number(n)}
            formatTime={(ms) => new Date(ms).toISOString().slice(0, 7)}
            height={220}
          />
        </Show>
        <figcaption id="portfolio-health-summary" class="chart-summary">
          {means()
            .map((m) => `${m.month}: ${fmt().number(m.mean)} over ${m.accounts} accounts`)
            .join('; ') || 'Loading or no monthly health yet.'}
        </figcaption>
      </figure>
      <Show
        when={ranked().length > 0}
        fallback={<p class="panel-hint">{details().type === 'unknown' ? 'Loading…' : 'No account has a health score yet.'}</p>}
      >
        <table class="data-table stack-table">
          <caption class="visually-hidden">Accounts by current health, lowest first</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Health</th>
              <th scope="col">Scored KPIs</th>
            </tr>
          </thead>
          <tbody>
            <For each={ranked()}>
              {(h) => (
                <tr>
                  <th scope="row" data-label="Account">
                    {h.account?.name ?? 'Account'}
                  </th>
                  <td data-label="Health">
                    <HealthScore health={h} subject={h.account?.name ?? 'this account'} />
                  </td>
                  <td data-label="Scored KPIs">
                    {h.validKpis} of {h.totalKpis}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
