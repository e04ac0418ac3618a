import { randomUUID } from 'node:crypto';
import type { Auth } from './auth/auth.ts';
import { type Pools, withTenant } from './db/pools.ts';

export const DEMO_LOGIN = { email: 'demo@example.com', password: 'demo-password', name: 'Dana Demo' };
const DEMO_ORG = { name: 'Demo Company', slug: 'demo-company' };

const DEMO_KPIS: { name: string; unit: string; target: number; series: number[] }[] = [
  { name: 'Monthly recurring revenue', unit: '$', target: 50000, series: [38200, 40100, 41800, 43900, 45250] },
  { name: 'Net promoter score', unit: 'score', target: 60, series: [41, 44, 47, 52, 55] },
  { name: 'Weekly active users', unit: 'users', target: 1200, series: [860, 910, 905, 980, 1040] },
  { name: 'First-pass yield', unit: '%', target: 98, series: [95.1, 96.4, 96.0, 97.2, 97.5] },
];

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
      await tx`INSERT INTO kpi (id, organization_id, name, unit, target, current_value, current_at, created_by, created_at, updated_at)
               VALUES (${kpiID}, ${org.id}, ${k.name}, ${k.unit}, ${k.target}, ${k.series[last] ?? null}, ${lastAt},
                       ${user.id}, ${new Date(now - 40 * day)}, ${lastAt})`;
      for (const [i, value] of k.series.entries()) {
        const at = new Date(now - (last - i) * 7 * day - day);
        await tx`INSERT INTO data_point (id, organization_id, kpi_id, value, recorded_at, created_by, created_at)
                 VALUES (${randomUUID()}, ${org.id}, ${kpiID}, ${value}, ${at}, ${user.id}, ${at})`;
      }
    }
  });
  return { orgID: org.id, userID: user.id, kpiIDs };
}
