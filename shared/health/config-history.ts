import type { ReferenceRange } from './ranges.ts';
import { DEFAULT_CATEGORY_WEIGHTS } from './weights.ts';

/** A range as health scoring takes it, with its unit (for the breakdown). */
export type RangeWithUnit = ReferenceRange & { unit: string };

/** An organization's health configuration at one version: ranges by KPI name, and category weights. */
export interface HealthConfig {
  version: number;
  ranges: Map<string, RangeWithUnit>;
  weights: Record<string, number>;
}

/** A stored configuration change (health_config_version): the changed row before and after, as Postgres' to_jsonb gave it. */
export interface ConfigChange {
  version: number;
  kind: 'reference_range' | 'category_weights';
  before: unknown;
  after: unknown;
}

/** A reference_range row as to_jsonb writes it (snake_case columns). */
interface RangeRowJson {
  id: string;
  kpi_name: string;
  unit?: string;
  higher_is_better: boolean;
  critical_min: number;
  critical_max: number;
  risk_min: number;
  risk_max: number;
  healthy_min: number;
  healthy_max: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function rangeOfJson(r: RangeRowJson): RangeWithUnit {
  return {
    unit: r.unit ?? '',
    higherIsBetter: r.higher_is_better,
    critical: { min: r.critical_min, max: r.critical_max },
    risk: { min: r.risk_min, max: r.risk_max },
    healthy: { min: r.healthy_min, max: r.healthy_max },
  };
}

/**
 * The configuration as it stood at `version`, rebuilt from the change log:
 * version 0 is the defaults (no range, the default weights); each later
 * version applies its row's `after` (or removes the row when `after` is
 * null). Every change since the tables were made is in the log (the database
 * writes it), so replaying from the start gives exactly what was stored then.
 * Changes above `version` are ignored; the result's version is the newest
 * change applied (`version` itself when the log reaches it).
 */
export function configAtVersion(changes: readonly ConfigChange[], version: number): HealthConfig {
  // By row id: a range's name never changes, but an id is what a delete names.
  const rows = new Map<string, RangeRowJson>();
  let weights: Record<string, number> | null = null;
  let reached = 0;
  for (const change of [...changes].sort((a, b) => a.version - b.version)) {
    if (change.version > version) break;
    reached = change.version;
    const row = isObject(change.after) ? change.after : null;
    const was = isObject(change.before) ? change.before : null;
    if (change.kind === 'reference_range') {
      if (row) rows.set(String(row.id), row as unknown as RangeRowJson);
      else if (was) rows.delete(String(was.id));
    } else {
      weights = row && isObject(row.weights) ? (row.weights as Record<string, number>) : null;
    }
  }
  const ranges = new Map<string, RangeWithUnit>();
  for (const r of rows.values()) ranges.set(r.kpi_name, rangeOfJson(r));
  return { version: reached, ranges, weights: { ...(weights ?? DEFAULT_CATEGORY_WEIGHTS) } };
}
