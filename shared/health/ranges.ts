import { z } from 'zod';
import { boundedNumber } from '../numbers.ts';

/**
 * A KPI's reference range (seed 002's kpi_reference_ranges): three bands,
 * critical, risk and healthy, that tile one interval, ordered worst to best
 * in the KPI's direction. Higher-is-better: critical lowest, healthy highest;
 * lower-is-better: the reverse.
 */
export const BAND_NAMES = ['critical', 'risk', 'healthy'] as const;
export type BandName = (typeof BAND_NAMES)[number];
export type HealthStatus = BandName;

export interface Band {
  min: number;
  max: number;
}

export interface ReferenceRange {
  higherIsBetter: boolean;
  critical: Band;
  risk: Band;
  healthy: Band;
}

/** Where each band's score runs, from its worst edge to its best edge. */
export const BAND_SCORES: Record<BandName, { worst: number; best: number }> = {
  critical: { worst: 0, best: 50 },
  risk: { worst: 50, best: 75 },
  healthy: { worst: 75, best: 100 },
};

const band = (name: BandName) =>
  z.object(
    { min: boundedNumber(`${name}.min`), max: boundedNumber(`${name}.max`) },
    { error: `The ${name} band must be {"min": number, "max": number}` },
  );

type Issue = { path: (string | number)[]; message: string };

/**
 * What keeps the bands from tiling one interval in order: each band's min
 * below its max, and each band starting exactly where the one before it (worse
 * for higher-is-better, better for lower-is-better) ends. Each message names
 * the bands it is about.
 */
export function tilingIssues(r: ReferenceRange): Issue[] {
  const issues: Issue[] = [];
  for (const name of BAND_NAMES) {
    if (!(r[name].min < r[name].max)) {
      issues.push({ path: [name], message: `The ${name} band's min (${r[name].min}) must be below its max (${r[name].max})` });
    }
  }
  // Along the number line, low to high.
  const order: BandName[] = r.higherIsBetter ? ['critical', 'risk', 'healthy'] : ['healthy', 'risk', 'critical'];
  for (let i = 0; i + 1 < order.length; i++) {
    const [low, high] = [order[i]!, order[i + 1]!];
    const gap = r[high].min - r[low].max;
    if (gap !== 0) {
      const what = gap > 0 ? `leave a gap from ${r[low].max} to ${r[high].min}` : `overlap from ${r[high].min} to ${r[low].max}`;
      const direction = r.higherIsBetter ? 'higher is better' : 'lower is better';
      issues.push({
        path: [high, 'min'],
        message: `The ${low} and ${high} bands ${what}: with ${direction}, ${high}.min must equal ${low}.max`,
      });
    }
  }
  return issues;
}

/** A reference range as the API and the forms take it, refused unless its bands tile. */
export const referenceRangeInput = z
  .object({
    higherIsBetter: z.boolean({ error: 'higherIsBetter must be true or false' }),
    critical: band('critical'),
    risk: band('risk'),
    healthy: band('healthy'),
  })
  .superRefine((r, ctx) => {
    for (const i of tilingIssues(r)) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  });
