import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { describeKpi, type KpiFacts } from '../../shared/insights/index.ts';
import { withTenant } from '../db/pools.ts';
import { evidenceFor } from './evidence.ts';
import { refreshGoalPace } from './goal-pace.ts';
import type { Narration, Narrator } from './narrator.ts';
import { loadKpi, loadPoints, newestInsight, storeInsight } from './store.ts';

/** One unit of insight work: a KPI whose data changed, and the member whose write changed it. */
export interface InsightJob {
  orgID: string;
  userID: string;
  kpiID: string;
}

export interface RecomputeDeps {
  /** The app pool (role kpi_app): the job reads and writes under row-level security. */
  appSql: Sql;
  narrator: Narrator;
  now?: () => number;
}

export type RecomputeOutcome = 'stored' | 'unchanged' | 'archived' | 'missing';

/** Audit rows of the job's writes carry this source (and the triggering member as actor). */
export const JOB_SOURCE = 'job:insights';

/**
 * Recomputes a KPI's insight and the pace of the goals it feeds, acting as
 * the member whose write triggered it. Reads in one transaction, narrates
 * outside any transaction (a model call may take seconds), writes in a second
 * one. A KPI whose facts have not changed since its newest insight gets no new
 * insight (a goal edit, say, re-runs the job with the same data); an archived
 * KPI gets none either. Goal pace is refreshed in every case.
 */
export async function recomputeInsight(deps: RecomputeDeps, job: InsightJob, signal?: AbortSignal): Promise<RecomputeOutcome> {
  const tenant = { userID: job.userID, orgID: job.orgID, source: JOB_SOURCE };
  const read = await withTenant(deps.appSql, tenant, async (tx) => {
    const kpi = await loadKpi(tx, job.orgID, job.kpiID);
    if (!kpi || kpi.archived) return { kpi, points: [], newest: null };
    return { kpi, points: await loadPoints(tx, job.orgID, job.kpiID), newest: await newestInsight(tx, job.orgID, job.kpiID) };
  });
  const { kpi, points, newest } = read;
  if (!kpi) return 'missing';

  const now = (deps.now ?? Date.now)();
  let facts: KpiFacts | null = null;
  let narration: Narration | null = null;
  if (!kpi.archived) {
    facts = describeKpi({
      points: points.map((p) => ({ at: p.recordedAt, value: p.value })),
      target: kpi.target,
      direction: kpi.direction,
      now,
    });
    if (!newest || !sameFacts(newest.facts, facts)) {
      const evidence = evidenceFor(facts, points);
      const formats = { locale: kpi.locale, currency: kpi.currency };
      narration = await deps.narrator.narrate(
        { kpi: { id: kpi.id, name: kpi.name, unit: kpi.unit, formats }, facts, evidence },
        signal,
      );
    }
  }

  await withTenant(deps.appSql, tenant, async (tx) => {
    if (facts && narration) {
      await storeInsight(tx, {
        id: randomUUID(),
        orgID: job.orgID,
        kpiID: job.kpiID,
        facts,
        narration,
        generatedAt: new Date(now),
      });
    }
    await refreshGoalPace(tx, job.orgID, job.kpiID, facts, now);
  });
  if (kpi.archived) return 'archived';
  return narration ? 'stored' : 'unchanged';
}

/**
 * Whether two sets of facts say the same about the data. The forecast's dates
 * and projected value move with the clock alone, so only its status counts.
 */
export function sameFacts(a: KpiFacts, b: KpiFacts): boolean {
  const comparable = (f: KpiFacts) => canonical({ ...f, forecast: { status: f.forecast?.status ?? null } });
  return comparable(a) === comparable(b);
}

/** JSON with object keys sorted, so facts read back from jsonb (which reorders keys) compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
