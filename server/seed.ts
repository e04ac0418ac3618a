import { randomUUID } from 'node:crypto';
import { goalProgress } from '../shared/goals.ts';
import { kpiProgress } from '../shared/progress.ts';
import type { Auth } from './auth/auth.ts';
import { type Pools, withTenant } from './db/pools.ts';

export const DEMO_LOGIN = { email: 'demo@example.com', password: 'demo-password', name: 'Dana Demo' };
const DEMO_ORG = { name: 'Demo Company', slug: 'demo-company' };

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

export interface SeededDemo {
  orgID: string;
  userID: string;
  kpiIDs: string[];
}

/**
 * Creates the demo person, organization and a few KPIs with history, once.
 * Returns null when the demo already exists (idempotent across restarts).
 */
export async function seedDemo(auth: Auth, pools: Pools): Promise<SeededDemo | null> {
  const [existing] = await pools.admin`SELECT id FROM "user" WHERE email = ${DEMO_LOGIN.email}`;
  if (existing) return null;
  const { user } = await auth.api.signUpEmail({ body: DEMO_LOGIN });
  const org = await auth.api.createOrganization({ body: { ...DEMO_ORG, userId: user.id } });
  if (!org) throw new Error('Could not create the demo organization');
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const kpiIDs: string[] = [];
  await withTenant(pools.app, { userID: user.id, orgID: org.id, source: 'seed' }, async (tx) => {
    for (const k of DEMO_KPIS) {
      const kpiID = randomUUID();
      kpiIDs.push(kpiID);
      const last = k.series.length - 1;
      const lastAt = new Date(now - day);
      await tx`INSERT INTO kpi (id, organization_id, name, unit, category, target, current_value, current_at, owner_id, created_by, created_at, updated_at)
               VALUES (${kpiID}, ${org.id}, ${k.name}, ${k.unit}, ${k.category}, ${k.target}, ${k.series[last] ?? null}, ${lastAt},
                       ${user.id}, ${user.id}, ${new Date(now - 40 * day)}, ${lastAt})`;
      for (const [i, value] of k.series.entries()) {
        const at = new Date(now - (last - i) * 7 * day - day);
        await tx`INSERT INTO data_point (id, organization_id, kpi_id, value, recorded_at, created_by, created_at)
                 VALUES (${randomUUID()}, ${org.id}, ${kpiID}, ${value}, ${at}, ${user.id}, ${at})`;
      }
    }
    // A goal fed by three KPIs; its progress is the weighted mean of theirs (pace follows from the first insights).
    const goalID = randomUUID();
    const linked = DEMO_KPIS.map((k, i) => ({ k, kpiID: kpiIDs[i] as string })).filter(({ k }) => k.goalWeight);
    const progress = goalProgress(
      linked.map(({ k }) => ({ weight: k.goalWeight ?? 0, progress: kpiProgress(k.series.at(-1), k.target, 'higher') })),
    );
    await tx`INSERT INTO goal (id, organization_id, title, description, target_date, progress, created_by, created_at, updated_at)
             VALUES (${goalID}, ${org.id}, ${DEMO_GOAL.title}, ${DEMO_GOAL.description}, ${new Date(now + 75 * day)}::date,
                     ${progress}, ${user.id}, ${new Date(now)}, ${new Date(now)})`;
    for (const { k, kpiID } of linked) {
      await tx`INSERT INTO goal_kpi (id, organization_id, goal_id, kpi_id, weight)
               VALUES (${`${goalID}:${kpiID}`}, ${org.id}, ${goalID}, ${kpiID}, ${k.goalWeight ?? 0})`;
    }
  });
  return { orgID: org.id, userID: user.id, kpiIDs };
}
