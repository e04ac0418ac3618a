/** Small robust statistics helpers. */

/** Scales a median absolute deviation to a standard deviation for normal data. */
export const MAD_TO_SD = 1.4826;
/** Scales a mean absolute deviation to a standard deviation for normal data (sqrt(pi/2)). */
export const MEAN_AD_TO_SD = Math.sqrt(Math.PI / 2);

/**
 * Rearranges `a` so that a[k] is its k-th smallest value, everything before it
 * is <= a[k] and everything after is >= a[k] (quickselect, O(n) on average).
 */
function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** Median of a typed array of non-NaN values; reorders it in place. NaN when empty. */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  const upper = selectInPlace(values, mid);
  if (n % 2 === 1) return upper;
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < mid; i++) lower = Math.max(lower, values[i]!);
  return (lower + upper) / 2;
}

/** Median of the values (the input is not modified). NaN when empty. */
export function median(values: readonly number[]): number {
  return medianInPlace(Float64Array.from(values));
}

/**
 * A robust estimate of the values' spread on the scale of a standard
 * deviation: 1.4826 * MAD (median absolute deviation from the median); when
 * the MAD is 0 (more than half the values equal the median), sqrt(pi/2) * the
 * mean absolute deviation from the median instead. 0 only when all values are
 * equal; NaN when empty.
 */
export function robustSpread(values: readonly number[]): number {
  const center = median(values);
  const absolute = values.map((v) => Math.abs(v - center));
  const mad = median(absolute);
  if (mad > 0) return MAD_TO_SD * mad;
  return (MEAN_AD_TO_SD * absolute.reduce((a, b) => a + b, 0)) / absolute.length;
}
