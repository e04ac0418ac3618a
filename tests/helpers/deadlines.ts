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
 * Another device, or a client opening cold, shows a change (sign in,
 * connect to zero-cache, hydrate its queries, render), or the server answers
 * a write (pushed, committed in Postgres, acknowledged).
 */
export const SYNC_DEADLINE_MS = 20_000;

/**
 * The insight job has run on committed data and its result has synced: the
 * 1 s debounce, the worker's polling, perhaps one follow-up run for a burst,
 * then sync to the client.
 */
export const JOB_DEADLINE_MS = 30_000;

/** The options for `expect.poll` or Playwright's `waitFor` when another device or the server must show it. */
export const synced = { timeout: SYNC_DEADLINE_MS } as const;
