import { useQuery, useZero } from '@rocicorp/zero/solid';
import { createEffect, createMemo, For, on, onCleanup, Show } from 'solid-js';
import { PRESENCE_HEARTBEAT_MS, PRESENCE_STALE_MS } from '../../../sync/mutators/dashboards/presence.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { MutateRequest } from '../sync/mutate.ts';

/**
 * Says "I am here" on a dashboard while it is open (and whether the person
 * is arranging it, and which widget they hold), every few seconds, and
 * "gone" when they leave. A row not refreshed for PRESENCE_STALE_MS counts
 * as gone (a closed laptop says nothing).
 */
export function usePresenceHeartbeat(opts: {
  dashboardID: () => string;
  arranging: () => boolean;
  holding: () => string | null;
}) {
  // Straight to Zero, not through mutate(): presence is not a change the person
  // made, so it neither counts as waiting in the sync badge nor toasts a failure.
  const zero = useZero();
  const send = (request: MutateRequest) => {
    const result = zero().mutate(request);
    result.server.catch(() => undefined);
  };
  const beat = () =>
    send(mutators.presence.touch({ dashboardID: opts.dashboardID(), arranging: opts.arranging(), widgetID: opts.holding() }));
  createEffect(on([opts.dashboardID, opts.arranging, opts.holding], beat));
  const timer = setInterval(beat, PRESENCE_HEARTBEAT_MS);
  createEffect(
    on(opts.dashboardID, (id) => {
      onCleanup(() => send(mutators.presence.leave({ dashboardID: id })));
    }),
  );
  onCleanup(() => clearInterval(timer));
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

/** Who else is on this dashboard now, and who is arranging it (and which widget they hold). */
export function PresenceBar(props: {
  orgID: string;
  dashboardID: string;
  me: string;
  now: number;
  widgetLabel: (id: string) => string;
}) {
  const [rows] = useQuery(() => queries.dashboards.presence({ orgID: props.orgID, dashboardID: props.dashboardID }));
  const others = createMemo(() => rows().filter((r) => r.userID !== props.me && props.now - r.seenAt < PRESENCE_STALE_MS));
  const arranging = createMemo(() => others().filter((r) => r.arranging));
  return (
    <Show when={others().length > 0}>
      <div class="presence-bar">
        <ul class="presence-avatars" aria-label="Also on this dashboard">
          <For each={others()}>
            {(r) => (
              <li class="avatar" title={r.user?.name ?? 'Someone'} data-arranging={r.arranging ? '' : undefined}>
                <span aria-hidden="true">{initials(r.user?.name ?? '?')}</span>
                <span class="visually-hidden">{r.user?.name ?? 'Someone'}</span>
              </li>
            )}
          </For>
        </ul>
        <p class="presence-text" aria-live="polite">
          <For each={arranging()}>
            {(r) => (
              <span class="presence-editing">
                {r.user?.name ?? 'Someone'} is{' '}
                {r.widgetID ? `moving ${props.widgetLabel(r.widgetID)}` : 'arranging this dashboard'}.{' '}
              </span>
            )}
          </For>
        </p>
      </div>
    </Show>
  );
}
