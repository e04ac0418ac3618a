import { twoSidedP } from './normal.ts';
import type { Point } from './point.ts';

/** The result of a Mann–Kendall trend test. */
export interface MannKendall {
  /** Number of points. */
  n: number;
  /** S: concordant minus discordant pairs (later point higher minus later point lower). */
  s: number;
  /** Variance of S under "no trend", corrected for ties. */
  variance: number;
  /** Normal approximation with continuity correction: (S - sign(S)) / sqrt(variance). */
  z: number;
  /** Two-sided p-value of z (1 when the variance is 0, e.g. all values equal). */
  pValue: number;
}

/** Σ f(size) over the groups of equal keys. */
function sumOverTies(keys: readonly number[], f: (size: number) => number): number {
  const sizes = new Map<number, number>();
  for (const k of keys) sizes.set(k, (sizes.get(k) ?? 0) + 1);
  let sum = 0;
  for (const size of sizes.values()) if (size > 1) sum += f(size);
  return sum;
}

/**
 * Mann–Kendall test for a monotonic trend of the values over time.
 *
 * S = Σ_{i<j} sign(t_j - t_i) * sign(x_j - x_i), so pairs tied in time or in
 * value count 0. The variance is Kendall's, with tie corrections for groups of
 * equal values (u) and of equal times (v):
 *   [n(n-1)(2n+5) - Σu(u-1)(2u+5) - Σv(v-1)(2v+5)] / 18
 *   + Σu(u-1)(u-2) · Σv(v-1)(v-2) / (9n(n-1)(n-2))
 *   + Σu(u-1) · Σv(v-1) / (2n(n-1)).
 * With distinct times this is the textbook n(n-1)(2n+5)/18 - Σu(u-1)(2u+5)/18.
 */
export function mannKendall(points: readonly Point[]): MannKendall {
  const n = points.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = points[j]!;
      s += Math.sign(b.at - a.at) * Math.sign(b.value - a.value);
    }
  }
  const values = points.map((p) => p.value);
  const times = points.map((p) => p.at);
  const t2 = (k: number) => k * (k - 1);
  const t3 = (k: number) => k * (k - 1) * (k - 2);
  const t5 = (k: number) => k * (k - 1) * (2 * k + 5);
  let variance = (t5(n) - sumOverTies(values, t5) - sumOverTies(times, t5)) / 18;
  if (n > 2) variance += (sumOverTies(values, t3) * sumOverTies(times, t3)) / (9 * t3(n));
  if (n > 1) variance += (sumOverTies(values, t2) * sumOverTies(times, t2)) / (2 * t2(n));
  variance = Math.max(0, variance);

  if (variance === 0) return { n, s, variance, z: 0, pValue: 1 };
  const z = s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  return { n, s, variance, z, pValue: twoSidedP(z) };
}
