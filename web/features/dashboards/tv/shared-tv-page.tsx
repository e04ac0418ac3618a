import type { Zero } from '@rocicorp/zero';
import { useQuery, useZero, ZeroProvider } from '@rocicorp/zero/solid';
import { useParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import { shareIDOf } from '../../../../shared/dashboards/share-token.ts';
import { formatsFor } from '../../../../shared/formats.ts';
import type { ZeroContext } from '../../../../sync/context.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { queries } from '../../../../sync/queries.ts';
import { reconnectAfterErrors } from '../../../../sync/reconnect.ts';
import { schema } from '../../../../sync/schema.ts';
import { loadConfig, zeroCacheURL } from '../../../lib/config.ts';
import { dataState, periodsOf, useNow, widgetRows } from '../dashboard-data.ts';
import { setWidgetFormats } from '../widgets/formats.ts';
import { TvBoard, TvFrame } from './tv-board.tsx';

const DAY = 86_400_000;
/** Before the dashboard's range is known: two years covers the longest rolling range and the period before it. */
const WIDEST_SINCE_DAYS = 2 * 366;

function Invalid(props: { why: string }) {
  return (
    <TvFrame>
      <div class="tv-message" role="alert">
        <h1>This link is no longer valid</h1>
        <p>{props.why}</p>
      </div>
    </TvFrame>
  );
}

/**
 * /tv/<token> — a wall screen opened with a dashboard's read-only share
 * link, no sign-in. Its own Zero client presents the token (the server lets
 * it read that one dashboard and nothing else); when the link is revoked or
 * expires, the rows leave and the page says so. Zero reconnects by itself,
 * so the screen stays live for days.
 */
export function SharedTvPage() {
  const params = useParams<{ token: string }>();
  const [config] = createResource(loadConfig);
  const shareID = createMemo(() => shareIDOf(params.token));
  return (
    <Switch fallback={<TvFrame>{null}</TvFrame>}>
      <Match when={!shareID()}>
        <Invalid why="The address is incomplete. Ask the person who shared it for the whole link." />
      </Match>
      <Match when={config.error}>
        <Invalid why="The server could not be reached. This page will work again once it can; reload to retry." />
      </Match>
      <Match when={config.state === 'ready' && shareID()} keyed>
        {(id) => {
          const userID = `share:${id}`;
          const context: ZeroContext = { userID, orgID: null, share: { id } };
          let stop: (() => void) | undefined;
          onCleanup(() => stop?.());
          return (
            <ZeroProvider
              userID={userID}
              auth={params.token}
              storageKey={userID}
              cacheURL={zeroCacheURL(config()!)}
              schema={schema}
              mutators={mutators}
              context={context}
              init={(zero: Zero) => {
                stop?.();
                stop = reconnectAfterErrors(zero);
              }}
            >
              <SharedBoard shareID={id} />
            </ZeroProvider>
          );
        }}
      </Match>
    </Switch>
  );
}

/** The link's state: live (its dashboard), or gone (revoked, expired, refused). */
function SharedBoard(props: { shareID: string }) {
  const zero = useZero();
  const [refused, setRefused] = createSignal(false);
  const unsubscribe = zero().connection.state.subscribe((s) => setRefused(s.name === 'needs-auth'));
  onCleanup(unsubscribe);
  const [link, linkDetails] = useQuery(() => queries.sharedDashboard.link({ shareID: props.shareID }));
  const gone = () => refused() || (linkDetails().type === 'complete' && !link());
  return (
    <Switch fallback={<TvFrame>{<p class="tv-message">Loading the dashboard…</p>}</TvFrame>}>
      <Match when={gone()}>
        <Invalid why="It was revoked or has expired. Ask an admin of the organization for a new link." />
      </Match>
      <Match when={link()?.dashboardID} keyed>
        {(dashboardID) => <SharedDashboard shareID={props.shareID} dashboardID={dashboardID} />}
      </Match>
    </Switch>
  );
}

/** The link's one dashboard, live, with its data from the start of the period before its range. */
function SharedDashboard(props: { shareID: string; dashboardID: string }) {
  const now = useNow();
  const [since, setSince] = createSignal(Math.floor((Date.now() - WIDEST_SINCE_DAYS * DAY) / DAY) * DAY);
  const [dashboard, details] = useQuery(() =>
    queries.sharedDashboard.dashboard({ shareID: props.shareID, dashboardID: props.dashboardID, since: since() }),
  );
  const periods = createMemo(() => {
    const d = dashboard();
    return d ? periodsOf(d, Math.floor(now() / DAY) * DAY + DAY / 2) : undefined;
  });
  createEffect(() => {
    const o = dashboard()?.organization;
    if (o) setWidgetFormats(formatsFor({ locale: o.locale, currency: o.currency }));
  });
  // Once the range is known, sync only what it needs.
  createEffect(() => {
    const p = periods();
    if (p && p.since !== since()) setSince(p.since);
  });
  return (
    <TvFrame>
      <Show when={dashboard()} fallback={<p class="tv-message">Loading the dashboard…</p>}>
        {(d) => (
          <TvBoard
            name={d().name}
            timeRange={d().timeRange}
            items={widgetRows(d())}
            period={periods()?.period ?? { start: 0, end: 0 }}
            previous={periods()?.previous ?? { start: 0, end: 0 }}
            state={dataState(details().type, true)}
            now={now()}
            shared
          />
        )}
      </Show>
    </TvFrame>
  );
}
