import type { Zero } from '@rocicorp/zero';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/**
 * Zero 1.9 leaves a connection in `error` until someone calls `connect()`:
 * it lands there when a push fails for good, for instance while Postgres
 * restarts and the mutate endpoint answers 503 more times than zero-cache
 * retries. The writes stay queued, but nothing would send them. Every client
 * (the web app, test clients, benchmarks) reconnects from `error` by itself,
 * with backoff; `needs-auth` is left to the session check.
 *
 * Returns the function that stops it.
 */
export function reconnectAfterErrors(zero: Zero): () => void {
  let delay = FIRST_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = zero.connection.state.subscribe((state) => {
    clearTimeout(timer);
    if (state.name === 'connected') delay = FIRST_RETRY_MS;
    if (state.name !== 'error') return;
    timer = setTimeout(() => {
      if (zero.connection.state.current.name === 'error') void zero.connection.connect();
    }, delay);
    delay = Math.min(delay * 2, MAX_RETRY_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

/** Zero 1.9 refuses new writes outright in these states; in every other it applies and queues them. */
const REFUSING_WRITES = new Set(['error', 'disconnected', 'closed']);

export function acceptsWrites(zero: Zero): boolean {
  return !REFUSING_WRITES.has(zero.connection.state.current.name);
}

/**
 * Before a write: if Zero would refuse it (after a failed push, or past the
 * disconnect window), ask it to connect again, so that the write is applied
 * on the device and queued instead of refused.
 */
export async function readyForWrites(zero: Zero): Promise<void> {
  const state = zero.connection.state.current.name;
  if (state === 'error' || state === 'disconnected') await zero.connection.connect();
}
