import { randomUUID } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import { goalProgress } from '../../shared/goals.ts';
import { kpiProgress } from '../../shared/progress.ts';
import type { PackSeed } from '../seed.ts';

const DEMO_KPIS: { name: string; unit: string; category: string; target: number; series: number[]; goalWeight?: number }[] = [
  {
    name: 'Monthly recurring revenue',
    unit: '$',
    category: 'revenue',
    target: 50000,
    series: [38200, 40100, 41800, 43900, 45250],
    goalWeight: 2,
  },
  {
    name: 'Net promoter score',
    unit: 'score',
    category: 'satisfaction',
    target: 60,
    series: [41, 44, 47, 52, 55],
    goalWeight: 1,
  },
  {
    name: 'Weekly active users',
    unit: 'users',
    category: 'engagement',
    target: 1200,
    series: [860, 910, 905, 980, 1040],
    goalWeight: 1,
  },
  { name: 'First-pass yield', unit: '%', category: 'quality', target: 98, series: [95.1, 96.4, 96.0, 97.2, 97.5] },
];
const DEMO_GOAL = {
  title: 'Grow the business this quarter',
  description: 'Revenue counts double; customers and usage count once.',
};
const DAY = 24 * 3600 * 1000;

/**
 * The KPI tracker's demo: a few KPIs with weekly history and a goal fed by
 * three of them. Each row is found by its natural key in the demo
 * organization (a KPI by name, archived or not; the goal by title), so a
 * start adds only what is missing and never duplicates or overwrites what
 * the demo user changed. History is written only with a KPI it creates.
 */
export const kpiTrackerSeed: PackSeed = {
  pack: 'kpi-tracker',
  async seed(tx, { orgID, userID }) {
    const now = Date.now();
    const added: string[] = [];
    let goals = 0;
    const kpiIDs = new Map<string, string>();
    for (const k of DEMO_KPIS) {
      const [found] = await tx<{ id: string }[]>`
        SELECT id FROM kpi WHERE organization_id = ${orgID} AND name = ${k.name} ORDER BY created_at LIMIT 1`;
      const kpiID = found?.id ?? (await insertKpi(tx, orgID, userID, k, now));
      if (!found) added.push(kpiID);
      kpiIDs.set(k.name, kpiID);
    }
    const [goal] = await tx`SELECT id FROM goal WHERE organization_id = ${orgID} AND title = ${DEMO_GOAL.title} LIMIT 1`;
    if (!goal) goals = await insertGoal(tx, orgID, userID, kpiIDs, now);
    return { added: added.length + goals, kpiIDs: added };
  },
};

async function insertKpi(tx: TransactionSql, orgID: string, userID: string, k: (typeof DEMO_KPIS)[number], now: number) {
  const kpiID = randomUUID();
  const last = k.series.length - 1;
  const lastAt = new Date(now - DAY);
  await tx`INSERT INTO kpi (id, organization_id, name, unit, category, target, current_value, current_at, owner_id, created_by, created_at, updated_at)
           VALUES (${kpiID}, ${orgID}, ${k.name}, ${k.unit}, ${k.category}, ${k.target}, ${k.series[last] ?? null}, ${lastAt},
                   ${userID}, ${userID}, ${new Date(now - 40 * DAY)}, ${lastAt})`;
  for (const [i, value] of k.series.entries()) {
    const at = new Date(now - (last - i) * 7 * DAY - DAY);
    await tx`INSERT INTO data_point (id, organization_id, kpi_id, value, recorded_at, created_by, created_at)
             VALUES (${randomUUID()}, ${orgID}, ${kpiID}, ${value}, ${at}, ${userID}, ${at})`;
  }
  return kpiID;
}

/** The goal, linked to the demo KPIs that carry a weight; its progress is the weighted mean of theirs. */
async function insertGoal(tx: TransactionSql, orgID: string, userID: string, kpiIDs: Map<string, string>, now: number) {
  const goalID = randomUUID();
  const linked = DEMO_KPIS.filter((k) => k.goalWeight).map((k) => ({ k, kpiID: kpiIDs.get(k.name) as string }));
  const progress = goalProgress(
    linked.map(({ k }) => ({ weight: k.goalWeight ?? 0, progress: kpiProgress(k.series.at(-1), k.target, 'higher') })),
  );
  await tx`INSERT INTO goal (id, organization_id, title, description, target_date, progress, created_by, created_at, updated_at)
           VALUES (${goalID}, ${orgID}, ${DEMO_GOAL.title}, ${DEMO_GOAL.description}, ${new Date(now + 75 * DAY)}::date,
                   ${progress}, ${userID}, ${new Date(now)}, ${new Date(now)})`;
  for (const { k, kpiID } of linked) {
    await tx`INSERT INTO goal_kpi (id, organization_id, goal_id, kpi_id, weight)
             VALUES (${`${goalID}:${kpiID}`}, ${orgID}, ${goalID}, ${kpiID}, ${k.goalWeight ?? 0})`;
  }
  return 1;
}
