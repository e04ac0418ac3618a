import { setTimeout as sleep } from 'node:timers/promises';

/** A running child the supervisor watches. */
export interface Running {
  /** Resolves when the child ends, however it ends. */
  exited: Promise<unknown>;
  /** Stops the child and everything it started; resolves when they are gone. */
  stop(): Promise<void>;
}

export interface SupervisorOptions<T extends Running> {
  /** What it is, in log lines ("zero-cache"). */
  name: string;
  /** The child already started (a failure at boot is the caller's to report). */
  first: T;
  /** Starts a fresh child; it rejects when the child cannot start. */
  restart(): Promise<T>;
  /** The child is down (crashed, or a restart failed) and will be retried. */
  onDown(note: string): void;
  /** A restart succeeded. */
  onUp(child: T): void;
  log: (line: string) => void;
  /** First retry delay; doubled after each failure up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A child that stays up this long resets the delay. */
  stableAfterMs?: number;
}

export interface Supervised<T> {
  current(): T | undefined;
  /** Stops supervising, then stops the current child. */
  stop(): Promise<void>;
}

/**
 * Keeps a child running: when it ends without being asked to, waits with
 * exponential backoff and starts it again, until `stop()`.
 */
export function supervise<T extends Running>(opts: SupervisorOptions<T>): Supervised<T> {
  const initialDelay = opts.initialDelayMs ?? 250;
  const maxDelay = opts.maxDelayMs ?? 4_000;
  const stableAfter = opts.stableAfterMs ?? 30_000;
  let child: T | undefined = opts.first;
  let stopping = false;
  const wake = new AbortController();

  const loop = (async () => {
    let delay = initialDelay;
    while (!stopping && child) {
      const startedAt = Date.now();
      await child.exited;
      if (stopping) return;
      const downAt = Date.now();
      if (downAt - startedAt >= stableAfter) delay = initialDelay;
      opts.onDown(`${opts.name} stopped unexpectedly; restarting`);
      opts.log(`[supervisor] ${opts.name} stopped unexpectedly; restarting in ${delay} ms`);
      await child.stop().catch(() => {});
      child = undefined;
      while (!stopping && !child) {
        await sleep(delay, undefined, { signal: wake.signal }).catch(() => {});
        if (stopping) return;
        try {
          child = await opts.restart();
        } catch (err) {
          const reason = (err as Error).message.split('\n')[0];
          opts.onDown(`${opts.name} is restarting (last attempt failed: ${reason})`);
          opts.log(`[supervisor] ${opts.name} did not start: ${reason}; next attempt in ${delay * 2} ms`);
          delay = Math.min(delay * 2, maxDelay);
        }
      }
      if (stopping) {
        await child?.stop();
        return;
      }
      if (child) {
        opts.log(`[supervisor] ${opts.name} is back (down ${((Date.now() - downAt) / 1000).toFixed(1)} s)`);
        opts.onUp(child);
      }
      delay = Math.min(delay * 2, maxDelay);
    }
  })();

  return {
    current: () => child,
    async stop() {
      stopping = true;
      wake.abort();
      await child?.stop();
      await loop;
    },
  };
}
