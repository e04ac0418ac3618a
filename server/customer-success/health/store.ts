import type { JSONValue, TransactionSql } from 'postgres';
import type { KpiForHealth, StoredHealth } from '../../../shared/health/breakdown.ts';
import type { ConfigChange, HealthConfig, RangeWithUnit } from '../../../shared/health/config-history.ts';
import { DEFAULT_CATEGORY_WEIGHTS } from '../../../shared/health/weights.ts';

/**
 * Live health's reads and writes. Each runs in a transaction carrying the
 * member's tenant context (withTenant), so row-level security scopes every
 * statement to their organization.
 */

/** The organization's active accounts' ids (the health jobs score active accounts only). */
export async function activeAccounts(tx: TransactionSql, orgID: string): Promise<string[]> {
  const rows = await tx<{ id: string }[]>`
    SELECT id FROM cs_account WHERE organization_id = ${orgID} AND status = 'active' ORDER BY id`;
  return rows.map((r) => r.id);
}

/** Whether the account exists in the organization (and is active). */
export async function accountIsActive(tx: TransactionSql, orgID: string, accountID: string): Promise<boolean> {
  const [row] = await tx`SELECT 1 FROM cs_account WHERE organization_id = ${orgID} AND id = ${accountID} AND status = 'active'`;
  return row !== undefined;
}

/** A health KPI of an account with its value as of some time (its range comes from the configuration). */
type KpiValueRow = Omit<KpiForHealth, 'range'> & { accountID: string };

/**
 * The health KPIs (active, with a category) of these accounts, each with its
 * latest value recorded before `before` (epoch ms; null: the latest of all),
 * by account id. Ranges are attached by the caller from the configuration.
 */
export async function kpisOfAccounts(
  tx: TransactionSql,
  orgID: string,
  accountIDs: readonly string[],
  before: number | null,
): Promise<Map<string, KpiValueRow[]>> {
  const out = new Map<string, KpiValueRow[]>(accountIDs.map((id) => [id, []]));
  if (accountIDs.length === 0) return out;
  const until = before === null ? null : new Date(before);
  const rows = await tx<KpiValueRow[]>`
    SELECT k.account_id AS "accountID", k.id, k.name, k.health_category AS category, k.weight,
      p.value, (extract(epoch from p.recorded_at) * 1000)::float8 AS "valueAt"
    FROM kpi k
    LEFT JOIN LATERAL (
      SELECT value, recorded_at FROM data_point d
      WHERE d.organization_id = k.organization_id AND d.kpi_id = k.id
        AND (${until}::timestamptz IS NULL OR d.recorded_at < ${until}::timestamptz)
      ORDER BY d.recorded_at DESC, d.id DESC LIMIT 1
    ) p ON true
    WHERE k.organization_id = ${orgID} AND k.account_id IN ${tx(accountIDs)}
      AND k.archived_at IS NULL AND k.health_category IS NOT NULL
    ORDER BY k.account_id, k.name, k.id`;
  for (const r of rows) out.get(r.accountID)?.push(r);
  return out;
}

/** A health KPI with its points (oldest first), for scoring it as of several times. */
export interface KpiHistory extends Omit<KpiValueRow, 'value' | 'valueAt'> {
  times: number[];
  values: number[];
}

/** The health KPIs of these accounts with every point recorded before `before` (epoch ms), by account id. */
export async function kpiHistories(
  tx: TransactionSql,
  orgID: string,
  accountIDs: readonly string[],
  before: number,
): Promise<Map<string, KpiHistory[]>> {
  const out = new Map<string, KpiHistory[]>(accountIDs.map((id) => [id, []]));
  if (accountIDs.length === 0) return out;
  const kpis = await tx<Omit<KpiValueRow, 'value' | 'valueAt'>[]>`
    SELECT account_id AS "accountID", id, name, health_category AS category, weight FROM kpi
    WHERE organization_id = ${orgID} AND account_id IN ${tx(accountIDs)}
      AND archived_at IS NULL AND health_category IS NOT NULL
    ORDER BY account_id, name, id`;
  const byID = new Map<string, KpiHistory>();
  for (const k of kpis) {
    const h = { ...k, times: [], values: [] };
    byID.set(k.id, h);
    out.get(k.accountID)?.push(h);
  }
  if (kpis.length === 0) return out;
  const points = await tx<{ kpiID: string; value: number; at: number }[]>`
    SELECT kpi_id AS "kpiID", value, (extract(epoch from recorded_at) * 1000)::float8 AS at FROM data_point
    WHERE organization_id = ${orgID} AND kpi_id IN ${tx([...byID.keys()])} AND recorded_at < ${new Date(before)}
    ORDER BY kpi_id, recorded_at, id`;
  for (const p of points) {
    const h = byID.get(p.kpiID);
    h?.times.push(p.at);
    h?.values.push(p.value);
  }
  return out;
}

/** A KPI's latest value recorded before `before` (epoch ms), from its history. */
export function valueBefore(h: KpiHistory, before: number): KpiValueRow {
  let [lo, hi] = [0, h.times.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((h.times[mid] as number) < before) lo = mid + 1;
    else hi = mid;
  }
  const { times, values, ...kpi } = h;
  return { ...kpi, value: lo > 0 ? (values[lo - 1] as number) : null, valueAt: lo > 0 ? (times[lo - 1] as number) : null };
}

/** Attaches each KPI's range (by name) from the configuration. */
export function withRanges(kpis: readonly KpiValueRow[], ranges: ReadonlyMap<string, RangeWithUnit>): KpiForHealth[] {
  return kpis.map((k) => ({
    id: k.id,
    name: k.name,
    category: k.category,
    weight: k.weight,
    value: k.value,
    valueAt: k.valueAt,
    range: ranges.get(k.name) ?? null,
  }));
}

/** The organization's configuration as it stands now, with its newest version number. */
export async function currentConfig(tx: TransactionSql, orgID: string): Promise<HealthConfig> {
  const [ranges, [weights], [latest]] = await Promise.all([
    tx<(RangeWithUnit & { kpiName: string })[]>`
      SELECT kpi_name AS "kpiName", unit, higher_is_better AS "higherIsBetter",
        json_build_object('min', critical_min, 'max', critical_max) AS critical,
        json_build_object('min', risk_min, 'max', risk_max) AS risk,
        json_build_object('min', healthy_min, 'max', healthy_max) AS healthy
      FROM reference_range WHERE organization_id = ${orgID}`,
    tx<{ weights: Record<string, number> }[]>`SELECT weights FROM health_category_weights WHERE organization_id = ${orgID}`,
    tx<
      { version: number }[]
    >`SELECT coalesce(max(version), 0)::int AS version FROM health_config_version WHERE organization_id = ${orgID}`,
  ]);
  return {
    version: latest?.version ?? 0,
    ranges: new Map(ranges.map(({ kpiName, ...r }) => [kpiName, r])),
    weights: { ...(weights?.weights ?? DEFAULT_CATEGORY_WEIGHTS) },
  };
}

/** The configuration change log up to `version`, oldest first. */
export async function configChanges(tx: TransactionSql, orgID: string, version: number): Promise<ConfigChange[]> {
  return tx<ConfigChange[]>`
    SELECT version, kind, before, after FROM health_config_version
    WHERE organization_id = ${orgID} AND version <= ${version} ORDER BY version`;
}

const json = (v: unknown) => v as JSONValue;

/** Stores an account's current health (one row per account, id = the account's id). */
export async function storeAccountHealth(
  tx: TransactionSql,
  orgID: string,
  accountID: string,
  h: StoredHealth,
  version: number,
  at: Date,
): Promise<void> {
  await tx`
    INSERT INTO account_health (id, organization_id, account_id, overall, categories, kpis, total_kpis, valid_kpis, config_version, updated_at)
    VALUES (${accountID}, ${orgID}, ${accountID}, ${h.overall}, ${tx.json(json(h.categories))}, ${tx.json(json(h.kpis))},
      ${h.totalKpis}, ${h.validKpis}, ${version}, ${at})
    ON CONFLICT (id) DO UPDATE SET overall = excluded.overall, categories = excluded.categories, kpis = excluded.kpis,
      total_kpis = excluded.total_kpis, valid_kpis = excluded.valid_kpis, config_version = excluded.config_version,
      updated_at = excluded.updated_at`;
}

export interface TrendRow {
  accountID: string;
  month: string;
  health: StoredHealth;
}

/**
 * Stores accounts' snapshots of months ('YYYY-MM'): one row per account and
 * month, replaced when recomputed, all in one statement.
 */
export async function storeTrends(
  tx: TransactionSql,
  orgID: string,
  rows: readonly TrendRow[],
  version: number,
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map(({ accountID, month, health: h }) => ({
    id: `${accountID}:${month}`,
    account_id: accountID,
    month,
    overall: h.overall,
    categories: h.categories,
    kpis: h.kpis,
    total_kpis: h.totalKpis,
    valid_kpis: h.validKpis,
  }));
  await tx`
    INSERT INTO health_trend (id, organization_id, account_id, month, overall, categories, kpis, total_kpis, valid_kpis, config_version, computed_at)
    SELECT r.id, ${orgID}, r.account_id, r.month, r.overall, r.categories, r.kpis, r.total_kpis, r.valid_kpis, ${version}, ${at}
    FROM jsonb_to_recordset(${tx.json(json(records))}) AS r(id text, account_id text, month text, overall float8,
      categories jsonb, kpis jsonb, total_kpis int, valid_kpis int)
    ON CONFLICT (account_id, month) DO UPDATE SET overall = excluded.overall, categories = excluded.categories,
      kpis = excluded.kpis, total_kpis = excluded.total_kpis, valid_kpis = excluded.valid_kpis,
      config_version = excluded.config_version, computed_at = excluded.computed_at`;
}
