import type { ConnectionState } from '@rocicorp/zero';
import { useConnectionState } from '@rocicorp/zero/solid';
import { Show } from 'solid-js';
import { waitingCount } from './mutate.ts';

type Tone = 'live' | 'pending' | 'offline' | 'auth';

function describe(state: ConnectionState): { text: string; tone: Tone } {
  switch (state.name) {
    case 'connected':
      return { text: 'Live', tone: 'live' };
    case 'connecting':
      return { text: 'Reconnecting…', tone: 'pending' };
    case 'needs-auth':
      return { text: 'Session expired — sign in again', tone: 'auth' };
    default:
      // disconnected, error, closed: reads still work from the local copy.
      return { text: 'Offline', tone: 'offline' };
  }
}

export function waitingText(n: number): string {
  return n === 1 ? '1 change waiting' : `${n} changes waiting`;
}

/** Always in the header: is this page live, and is anything waiting to sync? */
export function ConnectionBadge() {
  const state = useConnectionState();
  const status = () => describe(state());
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
