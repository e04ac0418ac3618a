import type { ConnectionState } from '@rocicorp/zero';

export type Tone = 'live' | 'pending' | 'offline' | 'auth';

export interface LinkFacts {
  /** Zero's connection state. */
  state: ConnectionState['name'];
  /** The browser's own word (`navigator.onLine` and its online/offline events). */
  browserOnline: boolean;
  /** This Zero instance has been connected at least once. */
  everConnected: boolean;
}

/**
 * What the sync badge says. The browser knows at once when the network is
 * gone; Zero only finds out when a ping goes unanswered (twice its
 * pingTimeoutMs, about 10 s), and an emulated offline link may even keep the
 * socket open. So the browser's "offline" wins over Zero's "connected".
 * "Reconnecting" is for a link that was up and dropped; the first attempt
 * after a load is "Connecting".
 */
export function describeConnection(link: LinkFacts): { text: string; tone: Tone } {
  if (!link.browserOnline) return { text: 'Offline', tone: 'offline' };
  switch (link.state) {
    case 'connected':
      return { text: 'Live', tone: 'live' };
    case 'connecting':
      return { text: link.everConnected ? 'Reconnecting…' : 'Connecting…', tone: 'pending' };
    case 'needs-auth':
      return { text: 'Session expired — sign in again', tone: 'auth' };
    default:
      // disconnected, error, closed: reads still work from the local copy.
      return { text: 'Offline', tone: 'offline' };
  }
}
