import type { HealthStatus, ReferenceRange } from '../../health/ranges.ts';
import { kpiStatus } from '../../health/score.ts';
import type { HealthCategory } from '../categories.ts';
import type { KpiValue } from './layout.ts';

export interface ValueChange {
  name: string;
  category: HealthCategory;
  before: number;
  after: number;
}

export interface BandMove {
  name: string;
  from: HealthStatus;
  to: HealthStatus;
}

/** What confirming would change against the latest version (or, before any, against nothing). */
export type UploadDiff = {
  added: { name: string; category: HealthCategory; value: number }[];
  changed: ValueChange[];
  removed: { name: string; category: HealthCategory; value: number }[];
  unchanged: number;
  /** Changed values whose health band (the organization's reference range for the KPI name) would move. */
  bandMoves: BandMove[];
};

const key = (name: string) => name.trim().toLowerCase();

/**
 * The diff of `next` against `latest` (the latest version's values), KPIs
 * matched by name without regard to case. "Removed" KPIs are in the latest
 * version but not in the workbook: confirming leaves them as they are (no
 * value is written or deleted), and they are listed so nobody is surprised.
 */
export function diffValues(
  latest: readonly KpiValue[],
  next: readonly KpiValue[],
  rangeOf: (name: string) => ReferenceRange | undefined,
): UploadDiff {
  const before = new Map(latest.map((v) => [key(v.name), v]));
  const after = new Map(next.map((v) => [key(v.name), v]));
  const diff: UploadDiff = { added: [], changed: [], removed: [], unchanged: 0, bandMoves: [] };
  for (const v of next) {
    const old = before.get(key(v.name));
    if (!old) {
      diff.added.push({ name: v.name, category: v.category, value: v.value });
    } else if (old.value === v.value) {
      diff.unchanged++;
    } else {
      diff.changed.push({ name: v.name, category: v.category, before: old.value, after: v.value });
      const range = rangeOf(v.name);
      if (range) {
        const [from, to] = [kpiStatus(old.value, range), kpiStatus(v.value, range)];
        if (from !== to) diff.bandMoves.push({ name: v.name, from, to });
      }
    }
  }
  for (const v of latest) {
    if (!after.has(key(v.name))) diff.removed.push({ name: v.name, category: v.category, value: v.value });
  }
  return diff;
}
