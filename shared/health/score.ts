import { BAND_NAMES, BAND_SCORES, type Band, type BandName, type HealthStatus, type ReferenceRange } from './ranges.ts';

/**
 * The bands from worst to best, each with its worst and best edge: for
 * higher-is-better the worst edge is the band's min, for lower-is-better
 * its max.
 */
function bandsWorstToBest(r: ReferenceRange): { name: BandName; band: Band; worst: number; best: number }[] {
  return BAND_NAMES.map((name) => {
    const band = r[name];
    return r.higherIsBetter ? { name, band, worst: band.min, best: band.max } : { name, band, worst: band.max, best: band.min };
  });
}

/** How much better `a` is than `b` in the KPI's direction (positive: better). */
const better = (r: ReferenceRange, a: number, b: number) => (r.higherIsBetter ? a - b : b - a);

/**
 * The band that holds the value. A value on the edge two bands share belongs
 * to the better band; a value beyond the outer edges takes the outer band
 * (worse than the critical band's worst edge: critical; better than the
 * healthy band's best edge: healthy).
 */
export function kpiStatus(value: number, r: ReferenceRange): HealthStatus {
  const bands = bandsWorstToBest(r);
  // From best to worst, the first band whose worst edge the value reaches holds it (so a shared edge goes to the better band).
  for (const b of [...bands].reverse()) if (better(r, value, b.worst) >= 0) return b.name;
  return 'critical';
}

/**
 * The KPI's score, 0-100: linear inside its band from the band's worst edge
 * to its best edge (critical 0-50, risk 50-75, healthy 75-100), clamped to 0
 * and 100 beyond the outer edges.
 */
export function kpiScore(value: number, r: ReferenceRange): number {
  const status = kpiStatus(value, r);
  const b = bandsWorstToBest(r).find((x) => x.name === status)!;
  const { worst, best } = BAND_SCORES[status];
  const t = better(r, value, b.worst) / Math.abs(b.best - b.worst);
  return Math.min(100, Math.max(0, worst + Math.min(1, Math.max(0, t)) * (best - worst)));
}
