/**
 * Deadlines for waits that cross a process boundary. A wait ends as soon as
 * its condition holds, so a generous deadline costs nothing on a quick
 * machine; it only bounds how long a real failure takes to be reported. They
 * are sized for CI: a busy two-core machine running two test files at once,
 * where Chromium, the server, zero-cache and Postgres share the cores and
 * each hop below has been seen to take several seconds.
 *
 * Tests never sleep for a fixed time instead: they wait for a condition
 * (a row, a badge, a synced value) with one of these as the deadline.
 */

/**
 * What a stalled sync costs before the client recovers: zero-cache 1.9 now
 * and then stops serving one connection while it still answers pings (seen
 * in CI a few times a run), and the clients' watchdog (sync/stall-watchdog.ts,
 * STALL_MS) reopens it after 40 s, printing "no answer from sync". A wait
 * across sync allows one such recovery; a change that never arrives still
 * fails the test.
 */
const ONE_STALL_RECOVERY_MS = 45_000;

/**
 * Another device, or a client opening cold, shows a change (sign in,
 * connect to zero-cache, hydrate its queries, render), or the server answers
 * a write (pushed, committed in Postgres, acknowledged): seconds at most,
 * plus one stall recovery.
 */
export const SYNC_DEADLINE_MS = 20_000 + ONE_STALL_RECOVERY_MS;

/**
 * The insight job has run on committed data and its result has synced: the
 * 1 s debounce, the worker's polling, perhaps one follow-up run for a burst,
 * then sync to the client, plus one stall recovery.
 */
export const JOB_DEADLINE_MS = 30_000 + ONE_STALL_RECOVERY_MS;

/** The options for `expect.poll` or Playwright's `waitFor` when another device or the server must show it. */
export const synced = { timeout: SYNC_DEADLINE_MS } as const;
