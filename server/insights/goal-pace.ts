import type { TransactionSql } from 'postgres';
import { type GoalPace, type GoalPaceItem, goalPace } from '../../shared/goals.ts';
import { describeKpi, type KpiFacts } from '../../shared/insights/index.ts';
import { type Direction, kpiProgress } from '../../shared/progress.ts';
import { loadPoints, newestFactsOf } from './store.ts';

interface LinkRow {
  goalID: string;
  kpiID: string;
  weight: number;
  target: number;
  direction: Direction;
  currentValue: number | null;
  archived: boolean;
}

/**
 * Sets the pace of the active goals this KPI feeds. Each linked KPI is
 * projected with its latest facts: `fresh` for the KPI just recomputed, the
 * newest stored insight for the others, or facts computed on the spot for a KPI
 * that has none yet. (Progress itself is kept current by the mutators.)
 * Writes only the goals whose pace changed; returns how many.
 */
export async function refreshGoalPace(
  tx: TransactionSql,
  orgID: string,
  kpiID: string,
  fresh: KpiFacts | null,
  now: number,
): Promise<number> {
  const goals = await tx<{ id: string; targetDate: number; pace: GoalPace }[]>`
    SELECT g.id, (extract(epoch from g.target_date) * 1000)::float8 AS "targetDate", g.pace
    FROM goal g
    WHERE g.organization_id = ${orgID} AND g.status = 'active' AND g.archived_at IS NULL
      AND EXISTS (SELECT 1 FROM goal_kpi l WHERE l.organization_id = ${orgID} AND l.goal_id = g.id AND l.kpi_id = ${kpiID})`;
  if (goals.length === 0) return 0;

  const links = await tx<LinkRow[]>`
    SELECT l.goal_id AS "goalID", l.kpi_id AS "kpiID", l.weight, k.target, k.direction,
           k.current_value AS "currentValue", k.archived_at IS NOT NULL AS archived
    FROM goal_kpi l JOIN kpi k ON k.organization_id = l.organization_id AND k.id = l.kpi_id
    WHERE l.organization_id = ${orgID} AND l.goal_id IN ${tx(goals.map((g) => g.id))}`;
  const facts = await factsOfLinkedKpis(tx, orgID, links, kpiID, fresh, now);

  let changed = 0;
  for (const goal of goals) {
    const items: GoalPaceItem[] = links
      .filter((l) => l.goalID === goal.id)
      .map((l) => ({
        // An archived KPI counts as one without data, as in the stored progress.
        progress: l.archived ? null : kpiProgress(l.currentValue, l.target, l.direction),
        weight: l.weight,
        facts: l.archived ? null : (facts.get(l.kpiID) ?? null),
        target: l.target,
        direction: l.direction,
        current: l.archived ? null : l.currentValue,
      }));
    const pace = goalPace({ items, targetDate: goal.targetDate, now });
    if (pace === goal.pace) continue;
    await tx`UPDATE goal SET pace = ${pace} WHERE organization_id = ${orgID} AND id = ${goal.id}`;
    changed++;
  }
  return changed;
}

async function factsOfLinkedKpis(
  tx: TransactionSql,
  orgID: string,
  links: readonly LinkRow[],
  kpiID: string,
  fresh: KpiFacts | null,
  now: number,
): Promise<Map<string, KpiFacts>> {
  const active = new Map(links.filter((l) => !l.archived && l.kpiID !== kpiID).map((l) => [l.kpiID, l]));
  const facts = await newestFactsOf(tx, orgID, [...active.keys()]);
  for (const [id, link] of active) {
    if (facts.has(id)) continue;
    const points = await loadPoints(tx, orgID, id);
    facts.set(
      id,
      describeKpi({
        points: points.map((p) => ({ at: p.recordedAt, value: p.value })),
        target: link.target,
        direction: link.direction,
        now,
      }),
    );
  }
  if (fresh) facts.set(kpiID, fresh);
  return facts;
}
