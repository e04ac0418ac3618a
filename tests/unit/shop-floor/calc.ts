import { calculateKpis, type KpiResult } from '../../../shared/shop-floor/calculate.ts';
import { kpiCalculateInput } from '../../../shared/shop-floor/calculate-input.ts';
import type { KpiName } from '../../../shared/shop-floor/kpi-names.ts';

/** The clock the unit tests calculate at (asOf when a request gives none): 2026-03-31 12:00 UTC. */
export const NOW = Date.UTC(2026, 2, 31, 12);

/** The KPI results for a request body, as POST /api/kpi/calculate computes them before rounding. */
export function calc(body: unknown): Record<KpiName, KpiResult> {
  return calculateKpis(kpiCalculateInput.parse(body), NOW).results as Record<KpiName, KpiResult>;
}
