import { useQuery } from '@rocicorp/zero/solid';
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { daysBefore } from '../../../../shared/shop-floor/zoned-day.ts';
import { queries } from '../../../../sync/queries.ts';
import { usePageTitle } from '../../../lib/page-title.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { dayLabeller } from './chart-text.ts';
import { useLineDashboard } from './dashboard-data.ts';
import { KpiByDayChart } from './kpi-charts.tsx';
import { KpiTile } from './kpi-tile.tsx';

/** Seconds each line stays on screen while they rotate. */
const DEFAULT_SECONDS = 20;
/** Days a wall screen looks back. */
const TV_DAYS = 7;
const TV_KPIS = ['oee', 'availability', 'performance', 'quality', 'efficiency'] as const;

/** The wall screen's dark theme and large type, for as long as it shows. */
function useWallScreen() {
  onMount(() => {
    const root = document.documentElement;
    const before = root.dataset.theme;
    root.dataset.theme = 'dark';
    root.dataset.tv = '';
    onCleanup(() => {
      if (before === undefined) delete root.dataset.theme;
      else root.dataset.theme = before;
      delete root.dataset.tv;
    });
  });
}

export interface LineDashboardTvProps {
  orgID: string;
  timeZone: string;
  today: number;
  now: number;
}

/**
 * `/shop-floor?tv=1`: the line dashboard on a wall screen. Full screen,
 * dark, large type, nothing to press: one line at a time, rotating every
 * `every` seconds (default 20), or every line at once with `lines=all`;
 * live through Zero like the page (it reconnects by itself).
 */
export function LineDashboardTv(props: LineDashboardTvProps) {
  useWallScreen();
  const org = useCurrentOrganization();
  const [params] = useSearchParams<{ every?: string; lines?: string }>();
  const [lines] = useQuery(() => queries.lines.list({ orgID: props.orgID }));
  const active = createMemo(() => lines().filter((l) => l.archivedAt == null));
  const all = () => params.lines === 'all';
  const seconds = () => Math.max(5, Number(params.every) || DEFAULT_SECONDS);
  const [index, setIndex] = createSignal(0);
  const timer = setInterval(() => setIndex((i) => i + 1), seconds() * 1000);
  onCleanup(() => clearInterval(timer));
  const current = () => active()[index() % Math.max(1, active().length)];

  const data = useLineDashboard(
    () => props.orgID,
    () => ({
      from: daysBefore(props.today, TV_DAYS - 1),
      to: props.today,
      lineID: all() ? undefined : current()?.id,
      shiftID: undefined,
    }),
    () => props.now,
  );
  const day = () => dayLabeller(org.formats().settings.locale);
  const fmt = () => org.formats();
  // The clock reads the zone "today" is read in (the organization's), not the screen's own.
  const clock = () =>
    new Date(props.now).toLocaleTimeString(org.formats().settings.locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: props.timeZone,
    });
  const title = () => (all() ? 'All lines' : (current()?.name ?? 'Line dashboard'));
  usePageTitle(() => `${title()} · TV`);
  const fullscreen = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);

  return (
    <section class="tv sf-tv" data-tv="" aria-labelledby="sf-tv-title">
      <header class="tv-head">
        <h1 id="sf-tv-title">{title()}</h1>
        <p>
          Last {TV_DAYS} days
          <Show when={!all() && active().length > 1}>
            {' '}
            · line {(index() % active().length) + 1} of {active().length}
          </Show>{' '}
          · <time>{clock()}</time> ({props.timeZone})
        </p>
      </header>
      <Show when={active().length > 0} fallback={<p class="tv-message">No lines yet.</p>}>
        <Show
          when={!all()}
          fallback={
            <div class="sf-tv-lines">
              <For each={data.byLine()}>
                {(group) => (
                  <section class="sf-tv-line" aria-labelledby={`sf-tv-line-${group.key}`}>
                    <h2 id={`sf-tv-line-${group.key}`}>{data.lineByID().get(group.key)?.name}</h2>
                    <p class="sf-tv-units">{fmt().number(data.unitsOn(props.today).byLine.get(group.key) ?? 0)} units today</p>
                    <div class="sf-kpis">
                      <For each={TV_KPIS.slice(0, 4)}>
                        {(name) => (
                          <KpiTile name={name} result={group.kpis[name]} withEstimates products={data.productByID()} tv />
                        )}
                      </For>
                    </div>
                  </section>
                )}
              </For>
            </div>
          }
        >
          <p class="sf-tv-units">{fmt().number(data.unitsOn(props.today).byLine.get(current()?.id ?? '') ?? 0)} units today</p>
          <div class="sf-kpis">
            <For each={TV_KPIS}>
              {(name) => <KpiTile name={name} result={data.total()[name]} withEstimates products={data.productByID()} tv />}
            </For>
          </div>
          <KpiByDayChart
            title="OEE and its factors by day"
            per="day"
            kpis={['oee', 'availability', 'performance', 'quality']}
            groups={data.byDay()}
            label={(k) => day()(k)}
            withEstimates
            tv
            height={320}
          />
        </Show>
      </Show>
      <nav class="tv-controls" aria-label="TV mode">
        <A href="/shop-floor">Exit TV mode</A>
        <button type="button" class="button button-ghost button-small" onClick={fullscreen}>
          Full screen
        </button>
      </nav>
    </section>
  );
}
