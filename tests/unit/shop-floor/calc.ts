import { calculateKpis, type KpiResult } from '../../../shared/shop-floor/calculate.ts';
import { kpiCalculateInput } from '../../../shared/shop-floor/calculate-input.ts';
import type { KpiName } from '../../../shared/shop-floor/kpi-names.ts';

/** The clock the unit tests calculate at (asOf when a request gives none): 2026-03-31 12:00 UTC. */
export const NOW = Date.UTC(2026, 2, 31, 12);

/** The KPI results for a request body, as POST /api/kpi/calculate computes them before rounding. */
export function calc(body: unknown): Record<KpiName, KpiResult> {
  return calculateKpis(kpiCalculateInput.parse(body), NOW).results as Record<KpiName, KpiResult>;
}

/**
 * The OEE calculation example of oee.com (Vorne's "OEE Calculation" page):
 * an 8 h shift (480 min) with two 15 min breaks and a 30 min meal break, so
 * 420 min of planned production time; 47 min of down time, so 373 min of run
 * time; an ideal run rate of 60 parts a minute, i.e. an ideal cycle time of
 * 1 s (not 60 s: with 60 s the same counts would give a performance of
 * 5,166 %); 19,271 parts in total, 423 rejects, so 18,848 good. The page
 * rounds to availability 88.81 %, performance 86.11 %, quality 97.80 % and
 * OEE 74.79 %; OEE is also good count × ideal cycle time / planned
 * production time = 18,848 s / 25,200 s.
 */
export const OEE_COM = { plannedMinutes: 420, downtimeMinutes: 47, idealCycleSeconds: 1, totalCount: 19_271, scrapCount: 423 };
