import { z } from 'zod';
import { DAY_MS } from './instants.ts';
import { day } from './work-orders.ts';

/**
 * Recomputing the stored rollups (migration 019) of a range of shift dates
 * after a master-data change (a shift's breaks, a reason code's kind, a work
 * order's product): from and to, days as epoch ms at UTC midnight, both
 * included, at most RANGE_DAYS_MAX days. The server rebuilds the range
 * RECOMPUTE_CHUNK_DAYS at a time, advancing the run's `processed` (days).
 */
export const RANGE_DAYS_MAX = 366;
export const RECOMPUTE_CHUNK_DAYS = 7;

/** Days from `from` to `to`, both included (epoch ms at UTC midnight). */
export const daysInRange = (from: number, to: number) => Math.round((to - from) / DAY_MS) + 1;

export const recomputeInput = z.object({ from: day('From'), to: day('To') }).superRefine((r, ctx) => {
  const days = daysInRange(r.from, r.to);
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'To must not be before From' });
  else if (days > RANGE_DAYS_MAX)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${RANGE_DAYS_MAX} days at once (this range has ${days})` });
});
export type RecomputeRequest = z.infer<typeof recomputeInput>;

/** The chunks of a range, in order: [from, to] days, RECOMPUTE_CHUNK_DAYS at most each. */
export function recomputeChunks(from: number, to: number): [number, number][] {
  const chunks: [number, number][] = [];
  for (let start = from; start <= to; start += RECOMPUTE_CHUNK_DAYS * DAY_MS) {
    chunks.push([start, Math.min(to, start + (RECOMPUTE_CHUNK_DAYS - 1) * DAY_MS)]);
  }
  return chunks;
}
