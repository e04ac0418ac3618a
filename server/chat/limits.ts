import type { Sql } from 'postgres';
import { withTenant } from '../db/pools.ts';
import { questionsSince } from './store.ts';

const HOUR_MS = 3_600_000;

/** Whether the organization may ask another question now, and otherwise in how many seconds it may. */
export type HourlyAllowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The organization's questions in the last hour against CHAT_MESSAGES_PER_HOUR
 * (every member's, private threads included). A sliding window: the next
 * question is allowed once the oldest in the window is an hour old.
 */
export async function hourlyAllowance(
  appSql: Sql,
  user: { userID: string; orgID: string },
  perHour: number,
): Promise<HourlyAllowance> {
  const now = Date.now();
  const { questions, oldest } = await withTenant(appSql, { ...user, source: 'chat:limit' }, (tx) =>
    questionsSince(tx, user.orgID, new Date(now - HOUR_MS)),
  );
  if (questions < perHour) return { allowed: true };
  const freeAt = (oldest?.getTime() ?? now) + HOUR_MS;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
}
