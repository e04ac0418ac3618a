import type { KpiFacts, Point } from '../../shared/insights/index.ts';

/** A stored data point as the insight job reads it (times in epoch ms). */
export interface PointRow {
  id: string;
  value: number;
  recordedAt: number;
}

export type EvidenceRole = 'first' | 'latest' | 'anomaly';

/** A data point the facts rest on, with its id so a narrative can cite it. */
export interface EvidencePoint {
  id: string;
  at: number;
  value: number;
  roles: EvidenceRole[];
}

/**
 * The data points behind the facts: the first and latest analysed points and
 * every anomaly. The facts carry times and values only, so each is matched back
 * to a stored point by time and value (`points` in time order, as loaded).
 * These, and nothing else, are what a narrative may cite.
 */
export function evidenceFor(facts: KpiFacts, points: readonly PointRow[]): EvidencePoint[] {
  const byIndex = new Map<number, EvidencePoint>();
  const matches = (row: PointRow, p: Point) => row.recordedAt === p.at && row.value === p.value;
  const add = (index: number, role: EvidenceRole) => {
    const row = points[index];
    if (!row) return;
    const entry = byIndex.get(index) ?? { id: row.id, at: row.recordedAt, value: row.value, roles: [] };
    if (!entry.roles.includes(role)) entry.roles.push(role);
    byIndex.set(index, entry);
  };

  if (facts.first) {
    const first = facts.first;
    add(
      points.findIndex((row) => matches(row, first)),
      'first',
    );
  }
  if (facts.last) {
    const last = facts.last;
    add(
      points.findLastIndex((row) => matches(row, last)),
      'latest',
    );
  }
  const taken = new Set<number>();
  for (const anomaly of facts.anomalies) {
    // Two points may share a time and value; give each anomaly its own.
    const index = points.findIndex((row, i) => !taken.has(i) && matches(row, anomaly));
    if (index < 0) continue;
    taken.add(index);
    add(index, 'anomaly');
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}
