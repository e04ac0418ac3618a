/**
 * How long a write or a new query may wait with nothing but pongs coming
 * back before the connection is reopened. Above the server's 30 s wait for a
 * restarting Postgres (server/zero/routes.ts), during which a push is slow
 * but alive; reopening then would only race the push still in flight.
 */
export const STALL_MS = 40_000;
const CHECK_EVERY_MS = 5_000;

/** Messages the client sends that the server answers with a poke (or an error). */
const EXPECTS_ANSWER = ['["push"', '["changeDesiredQueries"', '["initConnection"'];

/** What this needs of a WebSocket; the browser's and Node's `ws` both have it. */
interface SocketLike {
  readonly readyState: number;
  send(data: unknown): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'message', listener: (event: { data?: unknown; code?: number }) => void): void;
}

// biome-ignore lint/suspicious/noExplicitAny: a mixin's base constructor must take any arguments.
type SocketClass = new (...args: any[]) => SocketLike;

/** WebSocket.OPEN, the same in every runtime. */
const OPEN = 1;

export interface StallReport {
  url: string;
  waitedMs: number;
}

/**
 * Zero 1.9 holds a connection "connected" while pongs arrive, and zero-cache
 * sends those from its socket layer on a timer, whether or not the client
 * group's view-syncer still serves the connection. When it stops serving
 * (seen under load: writes committed, no poke for minutes), the client never
 * notices and the screen silently stops updating. This watches each socket
 * Zero opens: when a push, a new query or the connection's start has waited
 * STALL_MS and only pongs came back, it closes the socket. Zero opens a new
 * one by itself and pushes its pending writes again (they are idempotent:
 * the server answers the committed ones "already processed").
 *
 * Returns a WebSocket class to install as `globalThis.WebSocket` before
 * Zero is created.
 */
export function watchedWebSocket<C extends SocketClass>(
  Base: C,
  opts: { stallMs?: number; onStall?: (report: StallReport) => void } = {},
): C {
  const stallMs = opts.stallMs ?? STALL_MS;
  return class WatchedWebSocket extends Base {
    // biome-ignore lint/suspicious/noExplicitAny: a mixin's constructor passes its arguments through.
    constructor(...args: any[]) {
      super(...args);
      const url = String(args[0]);
      let waitingSince: number | undefined;
      // Zero may send initConnection in the connect request itself: once open, the connection's start awaits an answer too.
      this.addEventListener('open', () => {
        waitingSince ??= Date.now();
      });
      const send = this.send.bind(this);
      this.send = (data: unknown) => {
        if (typeof data === 'string' && EXPECTS_ANSWER.some((p) => data.startsWith(p))) waitingSince ??= Date.now();
        send(data);
      };
      this.addEventListener('message', (event) => {
        const data = typeof event.data === 'string' ? event.data : String(event.data);
        if (!data.startsWith('["pong"')) waitingSince = undefined;
      });
      const timer = setInterval(
        () => {
          if (waitingSince === undefined || this.readyState !== OPEN) return;
          const waitedMs = Date.now() - waitingSince;
          if (waitedMs < stallMs) return;
          waitingSince = undefined;
          opts.onStall?.({ url, waitedMs });
          this.close(4000, 'No answer from sync: reconnecting');
        },
        Math.min(CHECK_EVERY_MS, stallMs / 2),
      );
      this.addEventListener('close', () => clearInterval(timer));
    }
  };
}
