import { setTimeout as sleep } from 'node:timers/promises';
import type { Sql } from 'postgres';
import { isDatabaseUnavailable } from './unavailable.ts';

/**
 * Waits until Postgres answers again (the supervisor restarts it within
 * seconds), polling with `SELECT 1`. Returns true once it answers, false when
 * `deadline` (epoch ms) passes first. Errors other than "unreachable" end the
 * wait at once (false): waiting cannot help them.
 */
export async function waitForDatabase(sql: Sql, deadline: number, pollMs = 250): Promise<boolean> {
  while (Date.now() < deadline) {
    try {
      await sql`SELECT 1`;
      return true;
    } catch (err) {
      if (!isDatabaseUnavailable(err)) return false;
      await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())));
    }
  }
  return false;
}
