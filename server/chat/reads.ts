import type { TransactionSql } from 'postgres';
import type { ChatSource } from '../../shared/chat/types.ts';
import { describeKpi } from '../../shared/insights/index.ts';
import { storedKpis } from '../shop-floor/stored-kpis.ts';

/**
 * What the chat's tools read, each under the asker's row-level security
 * (the transaction carries their tenant context) and within their
 * organization (an argument of the server's, never the model's). Each read
 * returns its result for the model, how many rows it used, and the rows an
 * answer may cite. Results are capped: a model never gets a table dump.
 */

export interface ReadResult {
  result: unknown;
  rows: number;
  sources: ChatSource[];
}

/** A tool's read: the asker's transaction, their organization, the validated input. */
export type Read<I> = (tx: TransactionSql, orgID: string, input: I) => Promise<ReadResult>;

/** KPIs one listing returns at most. */
export const MAX_KPIS = 50;
/** Data points one history returns at most (the latest; the statistics use up to MAX_ANALYZED). */
export const MAX_POINTS = 60;
const MAX_ANALYZED = 2000;
const DAY_MS = 86_400_000;

/** A refusal the model sees as the tool's answer ("KPI not found"): nothing about other organizations. */
export class ToolInputError extends Error {}

const iso = (ms: number) => new Date(ms).toISOString();
const round = (x: number | null, digits = 4) => (x === null || !Number.isFinite(x) ? x : Number(x.toFixed(digits)));

interface KpiRow {
  id: string;
  name: string;
  unit: string;
  target: number;
  direction: 'higher' | 'lower';
  category: string;
  currentValue: number | null;
  archived: boolean;
}

async function kpiByID(tx: TransactionSql, orgID: string, kpiID: string): Promise<KpiRow> {
  const [kpi] = await tx<KpiRow[]>`
    SELECT id, name, unit, target, direction, category, current_value AS "currentValue", archived_at IS NOT NULL AS archived
    FROM kpi WHERE organization_id = ${orgID} AND id = ${kpiID}`;
  if (!kpi) throw new ToolInputError(`No KPI with id "${kpiID}" in this organization; call listKpis for the ids.`);
  return kpi;
}

const kpiSource = (k: Pick<KpiRow, 'id' | 'name'>): ChatSource => ({ type: 'kpi', id: k.id, label: k.name });

export const listKpis: Read<{ search?: string | undefined; includeArchived?: boolean | undefined }> = async (
  tx,
  orgID,
  input,
) => {
  const pattern = input.search ? `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%';
  const rows = await tx<KpiRow[]>`
    SELECT id, name, unit, target, direction, category, current_value AS "currentValue", archived_at IS NOT NULL AS archived
    FROM kpi WHERE organization_id = ${orgID} AND name ILIKE ${pattern}
      AND (${input.includeArchived ?? false} OR archived_at IS NULL)
    ORDER BY name, id LIMIT ${MAX_KPIS + 1}`;
  const kpis = rows.slice(0, MAX_KPIS);
  return {
    result: { kpis, truncated: rows.length > MAX_KPIS },
    rows: kpis.length,
    sources: kpis.map(kpiSource),
  };
};

interface PointRow {
  id: string;
  value: number;
  at: number;
}

async function pointsIn(tx: TransactionSql, orgID: string, kpiID: string, from: number, to: number): Promise<PointRow[]> {
  const rows = await tx<PointRow[]>`
    SELECT id, value, (extract(epoch from recorded_at) * 1000)::float8 AS at FROM data_point
    WHERE organization_id = ${orgID} AND kpi_id = ${kpiID} AND recorded_at >= ${new Date(from)} AND recorded_at <= ${new Date(to)}
    ORDER BY recorded_at DESC, id DESC LIMIT ${MAX_ANALYZED}`;
  return rows.reverse();
}

/** A range of days from the tool's input: `from` and `to` as ISO dates or date-times, default the last `days`. */
export function rangeOf(input: { from?: string | undefined; to?: string | undefined }, now: number, days = 90) {
  const to = input.to ? Date.parse(input.to) + (input.to.length === 10 ? DAY_MS - 1 : 0) : now;
  const from = input.from ? Date.parse(input.from) : to - days * DAY_MS;
  if (from > to) throw new ToolInputError(`"from" (${input.from}) is after "to" (${input.to ?? 'now'}).`);
  return { from, to };
}

export const kpiHistory: Read<{ kpiID: string; from?: string | undefined; to?: string | undefined }> = async (
  tx,
  orgID,
  input,
) => {
  const kpi = await kpiByID(tx, orgID, input.kpiID);
  const now = Date.now();
  const { from, to } = rangeOf(input, now);
  const points = await pointsIn(tx, orgID, kpi.id, from, to);
  const facts = describeKpi({
    points: points.map((p) => ({ at: p.at, value: p.value })),
    target: kpi.target,
    direction: kpi.direction,
    now,
  });
  const latest = points.slice(-MAX_POINTS);
  const last = points.at(-1);
  return {
    result: {
      kpi: { id: kpi.id, name: kpi.name, unit: kpi.unit, target: kpi.target, direction: kpi.direction, archived: kpi.archived },
      range: { from: iso(from), to: iso(to) },
      points: latest.map((p) => ({ id: p.id, value: p.value, at: iso(p.at) })),
      pointsInRange: points.length,
      statistics: {
        trend: facts.trend,
        slopePerDay: round(facts.slopePerDay),
        confidence: facts.confidence,
        improving: facts.improving,
        progress: round(facts.progress),
        status: facts.status,
        anomalies: facts.anomalies.map((a) => ({ ...a, at: iso(a.at) })),
        forecast: facts.forecast,
      },
    },
    rows: latest.length,
    sources: [
      kpiSource(kpi),
      ...(last ? [{ type: 'dataPoint' as const, id: last.id, label: `${kpi.name} at ${iso(last.at)}` }] : []),
    ],
  };
};

function summarize(points: readonly PointRow[]) {
  if (points.length === 0) return { count: 0, first: null, last: null, min: null, max: null, mean: null, sum: null };
  const values = points.map((p) => p.value);
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    count: values.length,
    first: values[0],
    last: values.at(-1),
    min: Math.min(...values),
    max: Math.max(...values),
    mean: round(sum / values.length),
    sum: round(sum),
  };
}

type Period = { from: string; to: string };

export const comparePeriods: Read<{ kpiID: string; first: Period; second: Period }> = async (tx, orgID, input) => {
  const kpi = await kpiByID(tx, orgID, input.kpiID);
  const now = Date.now();
  const periods = await Promise.all(
    [input.first, input.second].map(async (p) => {
      const { from, to } = rangeOf(p, now);
      return { from: iso(from), to: iso(to), ...summarize(await pointsIn(tx, orgID, kpi.id, from, to)) };
    }),
  );
  const [a, b] = periods as [(typeof periods)[number], (typeof periods)[number]];
  const change = a.mean !== null && b.mean !== null ? round(b.mean - a.mean) : null;
  const changeRatio = change !== null && a.mean ? round(change / Math.abs(a.mean)) : null;
  return {
    result: {
      kpi: { id: kpi.id, name: kpi.name, unit: kpi.unit, direction: kpi.direction },
      first: a,
      second: b,
      change,
      changeRatio,
    },
    rows: a.count + b.count,
    sources: [kpiSource(kpi)],
  };
};

export const accountHealth: Read<{ account: string }> = async (tx, orgID, input) => {
  const [account] = await tx<{ id: string; name: string; status: string }[]>`
    SELECT id, name, status FROM cs_account
    WHERE organization_id = ${orgID} AND (id = ${input.account} OR lower(name) = lower(${input.account}))
    ORDER BY id = ${input.account} DESC, name LIMIT 1`;
  if (!account) throw new ToolInputError(`No account "${input.account}" in this organization (give its id or name).`);
  const [health] = await tx<{ overall: number | null; categories: unknown; kpis: unknown[]; updatedAt: Date }[]>`
    SELECT overall, categories, kpis, updated_at AS "updatedAt" FROM account_health
    WHERE organization_id = ${orgID} AND account_id = ${account.id}`;
  const trend = await tx<{ month: string; overall: number | null }[]>`
    SELECT month, overall FROM health_trend WHERE organization_id = ${orgID} AND account_id = ${account.id}
    ORDER BY month DESC LIMIT 12`;
  return {
    result: {
      account,
      health: health
        ? { overall: round(health.overall, 2), categories: health.categories, kpis: health.kpis, updatedAt: health.updatedAt }
        : null,
      trend: trend.reverse(),
    },
    rows: 1 + (health?.kpis.length ?? 0) + trend.length,
    sources: [{ type: 'account', id: account.id, label: account.name }],
  };
};

/** The longest range one shop-floor question may cover. */
export const MAX_SHOP_FLOOR_DAYS = 92;

export const shopFloorKpis: Read<{ line: string; from: string; to: string }> = async (tx, orgID, input) => {
  const [line] = await tx<{ id: string; name: string }[]>`
    SELECT id, name FROM sf_line WHERE organization_id = ${orgID} AND (id = ${input.line} OR lower(name) = lower(${input.line}))
    ORDER BY id = ${input.line} DESC LIMIT 1`;
  if (!line) throw new ToolInputError(`No line "${input.line}" in this organization (give its id or name).`);
  const days = (Date.parse(input.to) - Date.parse(input.from)) / DAY_MS + 1;
  if (days < 1) throw new ToolInputError(`"from" (${input.from}) is after "to" (${input.to}).`);
  if (days > MAX_SHOP_FLOOR_DAYS) throw new ToolInputError(`Ask for at most ${MAX_SHOP_FLOOR_DAYS} days at a time.`);
  const stored = await storedKpis(tx, {
    orgID,
    from: input.from,
    to: input.to,
    lineID: line.id,
    groupBy: 'total',
    now: Date.now(),
  });
  const kpis = Object.fromEntries(
    Object.entries(stored.total.results).map(([name, r]) => [
      name,
      { value: round(r?.value ?? null), unit: r?.unit, reason: r?.reason },
    ]),
  );
  return {
    result: { line, from: input.from, to: input.to, asOf: iso(stored.asOf), kpis, inputs: stored.total.inputs },
    rows: stored.total.inputs.productionEntries,
    sources: [{ type: 'line', id: line.id, label: line.name }],
  };
};

/** What a proposed data point names, checked as the asker reads it: their organization's KPI, not archived. */
export async function proposableKpi(tx: TransactionSql, orgID: string, kpiID: string): Promise<KpiRow> {
  const kpi = await kpiByID(tx, orgID, kpiID);
  if (kpi.archived) throw new ToolInputError(`The KPI "${kpi.name}" is archived and takes no new points.`);
  return kpi;
}
