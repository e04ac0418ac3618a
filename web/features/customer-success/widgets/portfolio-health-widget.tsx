import { useQuery } from '@rocicorp/zero/solid';
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { bandOfScore } from '../../../../shared/health/breakdown.ts';
import { type BandCounts, portfolioHealth } from '../../../../shared/health/portfolio.ts';
import { queries } from '../../../../sync/queries.ts';
import { formatNumber } from '../../dashboards/widgets/formats.ts';
import { WidgetBody } from '../../dashboards/widgets/widget-frame.tsx';
import type { WidgetProps } from '../../dashboards/widgets/widget-props.ts';
import { bandLabel, bandTone } from '../health/health-band.ts';
import { healthState } from './health-data.ts';

const BANDS = ['healthy', 'risk', 'critical', 'unscored'] as const;
type Band = (typeof BANDS)[number];
const label = (band: Band) => bandLabel(band === 'unscored' ? null : band);
const tone = (band: Band) => bandTone(band === 'unscored' ? null : band);

/** "3 healthy, 1 at risk, 0 critical and 2 not scored": the bar in words. */
export function bandSummary(counts: BandCounts): string {
  const parts = BANDS.map((b) => `${counts[b]} ${label(b).toLowerCase()}`);
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The organization's active accounts by health band, live: a stacked bar
 * with the counts written out, the mean score, and the weakest accounts as
 * links. It reads the pack's queries, which a share link may not (the
 * registry shows a notice there instead: needsSignIn).
 */
export function PortfolioHealthWidget(props: WidgetProps) {
  const orgID = () => props.widget.organizationID;
  const [accounts, accountsDetails] = useQuery(() => queries.accounts.list({ orgID: orgID(), status: 'active' }));
  const [health, healthDetails] = useQuery(() => queries.health.portfolio({ orgID: orgID() }));
  const summary = createMemo(() => {
    const scores = new Map(health().map((h) => [h.accountID, h.overall ?? null]));
    return portfolioHealth(
      accounts().map((a) => ({ id: a.id, name: a.name, overall: scores.get(a.id) ?? null })),
      props.widget.h >= 5 ? 5 : 3,
    );
  });
  const state = createMemo(() =>
    healthState(props.state, [
      { details: accountsDetails(), hasRows: accounts().length > 0 },
      { details: healthDetails(), hasRows: health().length > 0 },
    ]),
  );
  const average = () => {
    const mean = summary().average;
    return mean === null ? '—' : formatNumber(mean);
  };
  const empty = () => (summary().total === 0 ? 'No accounts yet: add one on Accounts.' : false);

  return (
    <WidgetBody state={state()} empty={empty()} class="widget-body-portfolio">
      <div class="portfolio-widget">
        <p class="portfolio-widget-average">
          <span class="widget-big">{average()}</span>{' '}
          <span class="widget-muted">
            {summary().average === null
              ? 'No account is scored yet'
              : `average of ${summary().total - summary().counts.unscored} scored accounts`}
          </span>
        </p>
        <figure class="portfolio-widget-bands">
          <div class="portfolio-widget-bar" aria-hidden="true">
            <For each={BANDS.filter((b) => summary().counts[b] > 0)}>
              {(band) => (
                <span class="portfolio-widget-segment" data-tone={tone(band)} style={{ 'flex-grow': summary().counts[band] }} />
              )}
            </For>
          </div>
          <figcaption class="visually-hidden">Active accounts by health: {bandSummary(summary().counts)}.</figcaption>
          <ul class="portfolio-widget-counts" aria-hidden="true">
            <For each={BANDS}>
              {(band) => (
                <li data-tone={tone(band)}>
                  <span class="portfolio-widget-swatch" />
                  <span class="portfolio-widget-count">{summary().counts[band]}</span> {label(band)}
                </li>
              )}
            </For>
          </ul>
        </figure>
        <Show when={summary().lowest.length > 0}>
          <section class="portfolio-widget-lowest" aria-label="Lowest health">
            <h3 class="widget-line widget-muted">Lowest health</h3>
            <ol>
              <For each={summary().lowest}>
                {(a) => (
                  <li>
                    <Show when={!props.tv} fallback={<span class="widget-cut">{a.name}</span>}>
                      <A class="widget-cut" href={`/accounts/${a.id}`}>
                        {a.name}
                      </A>
                    </Show>
                    <span class="portfolio-widget-score" data-tone={bandTone(bandOfScore(a.overall))}>
                      {formatNumber(a.overall)} <span class="visually-hidden">{bandLabel(bandOfScore(a.overall))}</span>
                    </span>
                  </li>
                )}
              </For>
            </ol>
          </section>
        </Show>
      </div>
    </WidgetBody>
  );
}
