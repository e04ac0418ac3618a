import type { JSONValue, TransactionSql } from 'postgres';
import type { KpiFacts } from '../../shared/insights/index.ts';
import type { Direction } from '../../shared/progress.ts';
import type { PointRow } from './evidence.ts';
import type { Narration } from './narrator.ts';

/**
 * The insight job's reads and writes. Every function runs inside a
 * transaction that carries the triggering member's tenant context, so row-level
 * security scopes each statement to their organization.
 */

/** The points an insight reads at most (the latest ones). */
export const MAX_POINTS = 5000;
/** Insights kept per KPI; older ones are deleted when a new one is stored. */
export const KEEP_INSIGHTS = 20;

export interface KpiRow {
  id: string;
  name: string;
  unit: string;
  target: number;
  direction: Direction;
  currentValue: number | null;
  archived: boolean;
  /** The organization's locale and currency, for the insight text. */
  locale: string;
  currency: string;
}

export interface StoredInsight {
  narrator: 'ai' | 'rules';
  summary: string;
  facts: KpiFacts;
}

export async function loadKpi(tx: TransactionSql, orgID: string, kpiID: string): Promise<KpiRow | null> {
  const [row] = await tx<KpiRow[]>`
    SELECT k.id, k.name, k.unit, k.target, k.direction, k.current_value AS "currentValue",
      k.archived_at IS NOT NULL AS archived, o.locale, o.currency
    FROM kpi k JOIN organization o ON o.id = k.organization_id
    WHERE k.organization_id = ${orgID} AND k.id = ${kpiID}`;
  return row ?? null;
}

/** The KPI's latest points (at most MAX_POINTS), oldest first; times in epoch ms, as Zero syncs them. */
export async function loadPoints(tx: TransactionSql, orgID: string, kpiID: string): Promise<PointRow[]> {
  const rows = await tx<PointRow[]>`
    SELECT id, value, (extract(epoch from recorded_at) * 1000)::float8 AS "recordedAt"
    FROM data_point WHERE organization_id = ${orgID} AND kpi_id = ${kpiID}
    ORDER BY recorded_at DESC, id DESC LIMIT ${MAX_POINTS}`;
  return rows.reverse();
}

export async function newestInsight(tx: TransactionSql, orgID: string, kpiID: string): Promise<StoredInsight | null> {
  const [row] = await tx<StoredInsight[]>`
    SELECT narrator, summary, facts FROM insight
    WHERE organization_id = ${orgID} AND kpi_id = ${kpiID}
    ORDER BY generated_at DESC, id DESC LIMIT 1`;
  return row ?? null;
}

/** The newest stored facts of each of these KPIs (KPIs without an insight are absent). */
export async function newestFactsOf(
  tx: TransactionSql,
  orgID: string,
  kpiIDs: readonly string[],
): Promise<Map<string, KpiFacts>> {
  if (kpiIDs.length === 0) return new Map();
  const rows = await tx<{ kpiID: string; facts: KpiFacts }[]>`
    SELECT DISTINCT ON (kpi_id) kpi_id AS "kpiID", facts FROM insight
    WHERE organization_id = ${orgID} AND kpi_id IN ${tx(kpiIDs)}
    ORDER BY kpi_id, generated_at DESC, id DESC`;
  return new Map(rows.map((r) => [r.kpiID, r.facts]));
}

export interface NewInsight {
  id: string;
  orgID: string;
  kpiID: string;
  facts: KpiFacts;
  narration: Narration;
  generatedAt: Date;
}

/** Stores an insight and deletes the KPI's insights beyond the newest KEEP_INSIGHTS. */
export async function storeInsight(tx: TransactionSql, insight: NewInsight): Promise<void> {
  const { narration, facts } = insight;
  await tx`
    INSERT INTO insight (id, organization_id, kpi_id, summary, narrator, model, trend, confidence, facts, cited_point_ids, generated_at)
    VALUES (${insight.id}, ${insight.orgID}, ${insight.kpiID}, ${narration.summary}, ${narration.narrator}, ${narration.model},
            ${facts.trend}, ${facts.confidence}, ${tx.json(facts as unknown as JSONValue)}, ${tx.json(narration.citedPointIDs)},
            ${insight.generatedAt})`;
  await tx`
    DELETE FROM insight
    WHERE organization_id = ${insight.orgID} AND kpi_id = ${insight.kpiID}
      AND id NOT IN (
        SELECT id FROM insight WHERE organization_id = ${insight.orgID} AND kpi_id = ${insight.kpiID}
        ORDER BY generated_at DESC, id DESC LIMIT ${KEEP_INSIGHTS})`;
}
