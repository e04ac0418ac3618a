import type { ReferenceRange } from '../shared/health/ranges.ts';
import { DEFAULT_CATEGORY_WEIGHTS } from '../shared/health/weights.ts';
import type { ReferenceRangeRow } from './schema.ts';

/** A stored range as scoring takes it. */
export function rangeOfRow(
  r: Pick<ReferenceRangeRow, 'higherIsBetter' | `${'critical' | 'risk' | 'healthy'}${'Min' | 'Max'}`>,
): ReferenceRange {
  return {
    higherIsBetter: r.higherIsBetter,
    critical: { min: r.criticalMin, max: r.criticalMax },
    risk: { min: r.riskMin, max: r.riskMax },
    healthy: { min: r.healthyMin, max: r.healthyMax },
  };
}

/** A range as its row's columns. */
export function rowOfRange(r: ReferenceRange) {
  return {
    higherIsBetter: r.higherIsBetter,
    criticalMin: r.critical.min,
    criticalMax: r.critical.max,
    riskMin: r.risk.min,
    riskMax: r.risk.max,
    healthyMin: r.healthy.min,
    healthyMax: r.healthy.max,
  };
}

/** The organization's weights: its stored row, or the defaults of seed 002 until an admin changes them. */
export const weightsOrDefault = (
  row: { weights: Readonly<Record<string, number>> } | undefined | null,
): Record<string, number> => ({
  ...(row?.weights ?? DEFAULT_CATEGORY_WEIGHTS),
});
