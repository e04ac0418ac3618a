import type { TransactionSql } from 'postgres';
import { scoreHealth } from '../../shared/health/health.ts';
import type { ReferenceRange } from '../../shared/health/ranges.ts';
import { DEFAULT_CATEGORY_WEIGHTS } from '../../shared/health/weights.ts';
import type { TriggerFacts } from '../../shared/playbooks/triggers.ts';

interface KpiRow {
  name: string;
  category: string | null;
  weight: number;
  value: number | null;
  lastMonth: number | null;
}

interface RangeRow {
  kpi_name: string;
  higher_is_better: boolean;
  critical_min: number;
  critical_max: number;
  risk_min: number;
  risk_max: number;
  healthy_min: number;
  healthy_max: number;
}

const toRange = (r: RangeRow): ReferenceRange => ({
  higherIsBetter: r.higher_is_better,
  critical: { min: r.critical_min, max: r.critical_max },
  risk: { min: r.risk_min, max: r.risk_max },
  healthy: { min: r.healthy_min, max: r.healthy_max },
});

/**
 * What an account's triggers are evaluated against, read under the acting
 * member's row-level security: each active KPI's latest value by name, and
 * the account's health (shared/health scoring, from the organization's
 * ranges and category weights) from those latest values, and from the values
 * each KPI had at the end of last month, for "drop" (month over month).
 */
export async function accountFacts(tx: TransactionSql, orgID: string, accountID: string): Promise<TriggerFacts> {
  const kpis = await tx<KpiRow[]>`
    SELECT k.name, k.health_category AS category, k.weight,
      (SELECT p.value FROM data_point p WHERE p.organization_id = k.organization_id AND p.kpi_id = k.id
        ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1) AS value,
      (SELECT p.value FROM data_point p WHERE p.organization_id = k.organization_id AND p.kpi_id = k.id
          AND p.recorded_at < date_trunc('month', now())
        ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1) AS "lastMonth"
    FROM kpi k
    WHERE k.organization_id = ${orgID} AND k.account_id = ${accountID} AND k.archived_at IS NULL
    ORDER BY k.name, k.id`;
  const ranges = await tx<RangeRow[]>`
    SELECT kpi_name, higher_is_better, critical_min, critical_max, risk_min, risk_max, healthy_min, healthy_max
    FROM reference_range WHERE organization_id = ${orgID}`;
  const [stored] = await tx<{ weights: Record<string, number> }[]>`
    SELECT weights FROM health_category_weights WHERE organization_id = ${orgID}`;
  const categoryWeights = stored?.weights ?? DEFAULT_CATEGORY_WEIGHTS;
  const rangeOf = new Map(ranges.map((r) => [r.kpi_name, toRange(r)]));
  const scored = kpis.filter((k) => k.category !== null && Object.hasOwn(categoryWeights, k.category));
  const healthWith = (pick: (k: KpiRow) => number | null) =>
    scoreHealth({
      categoryWeights,
      kpis: scored.map((k) => ({
        name: k.name,
        category: k.category as string,
        weight: k.weight,
        value: pick(k),
        range: rangeOf.get(k.name) ?? null,
      })),
    }).overall;
  const kpiValues = new Map<string, number>();
  for (const k of kpis) if (k.value !== null && !kpiValues.has(k.name)) kpiValues.set(k.name, k.value);
  return { kpiValues, healthNow: healthWith((k) => k.value), healthLastMonth: healthWith((k) => k.lastMonth) };
}
