import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, For, Show } from 'solid-js';
import { startOfMonth } from '../../../shared/health/breakdown.ts';
import { queries } from '../../../sync/queries.ts';
import { LineChart } from '../../components/chart/line-chart.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { bandLabel, bandTone } from '../customer-success/health/health-band.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { type BandCounts, portfolioTrend } from './portfolio.ts';

const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * The portfolio at a glance: how many of the listed accounts are healthy, at
 * risk, critical or not scored now, and their mean health month by month
 * (from the monthly snapshots), with the months as a table for screen readers.
 */
export function PortfolioPanel(props: { counts: BandCounts; accountIDs: ReadonlySet<string> }) {
  const org = useCurrentOrganization();
  const [snapshots] = useQuery(() => queries.health.portfolioTrend({ orgID: org.orgID }));
  const months = createMemo(() => portfolioTrend(snapshots(), (id) => props.accountIDs.has(id)).slice(-12));
  const points = () => months().map((m) => ({ x: startOfMonth(m.month), y: m.mean }));
  return (
    <section class="panel portfolio" aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">Portfolio</h2>
      <ul class="band-counts" aria-label="Accounts by health now">
        <For each={['healthy', 'risk', 'critical'] as const}>
          {(band) => (
            <li>
              <StatusBadge tone={bandTone(band)} label={`${props.counts[band]} ${bandLabel(band).toLowerCase()}`} />
            </li>
          )}
        </For>
        <Show when={props.counts.unscored > 0}>
          <li>
            <StatusBadge tone="neutral" label={`${props.counts.unscored} not scored`} />
          </li>
        </Show>
      </ul>
      <Show
        when={months().length > 1}
        fallback={<p class="panel-hint">The portfolio trend appears once accounts have two months of health.</p>}
      >
        <div aria-hidden="true">
          <LineChart
            seriesName="Mean health"
            points={points()}
            formatValue={(n) => String(Math.round(n))}
            formatTime={(ms) => monthLabel.format(ms)}
            height={180}
            toolbar={false}
          />
        </div>
        <table class="visually-hidden">
          <caption>Mean health of the listed accounts by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Mean health</th>
              <th scope="col">Accounts scored</th>
            </tr>
          </thead>
          <tbody>
            <For each={months()}>
              {(m) => (
                <tr>
                  <th scope="row">{monthLabel.format(startOfMonth(m.month))}</th>
                  <td>{Math.round(m.mean)}</td>
                  <td>{m.accounts}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
