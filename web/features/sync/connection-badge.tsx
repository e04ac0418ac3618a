import { useConnectionState } from '@rocicorp/zero/solid';
import { createMemo, Show } from 'solid-js';
import { useBrowserOnline } from './browser-online.ts';
import { describeConnection } from './connection-status.ts';
import { waitingCount } from './mutate.ts';

export function waitingText(n: number): string {
  return n === 1 ? '1 change waiting' : `${n} changes waiting`;
}

/** Always in the header: is this page live, and is anything waiting to sync? */
export function ConnectionBadge() {
  const state = useConnectionState();
  const browserOnline = useBrowserOnline();
  // The badge lives inside one Zero instance (a new organization remounts it).
  const everConnected = createMemo((was: boolean) => was || state().name === 'connected', false);
  const status = () =>
    describeConnection({ state: state().name, browserOnline: browserOnline(), everConnected: everConnected() });
  return (
    <output class="connection-badge" data-tone={status().tone} aria-label="Sync status" aria-live="polite">
      <span class="connection-dot" aria-hidden="true" />
      <span class="connection-text">{status().text}</span>
      <Show when={waitingCount() > 0}>
        <span class="visually-hidden">, </span>
        <span class="connection-waiting">{waitingText(waitingCount())}</span>
      </Show>
    </output>
  );
}
