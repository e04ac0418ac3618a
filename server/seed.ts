import type { Sql, TransactionSql } from 'postgres';
import type { Auth } from './auth/auth.ts';
import { accountHealthSeed } from './customer-success/health/seed.ts';
import { playbookSeed } from './customer-success/playbook-seed.ts';
import { customerSuccessSeed } from './customer-success/seed.ts';
import { dashboardsSeed } from './dashboards/seed.ts';
import { type Pools, withTenant } from './db/pools.ts';
import { kpiTrackerSeed } from './kpi-tracker/seed.ts';
import { shopFloorSeed } from './shop-floor/seed.ts';

export const DEMO_LOGIN = { email: 'demo@example.com', password: 'demo-password', name: 'Dana Demo' };
const DEMO_ORG = { name: 'Demo Company', slug: 'demo-company' };

/** The platform's demo: the demo person and the organization they own. */
export interface DemoOrg {
  orgID: string;
  userID: string;
}

/** What a pack's seed added on this run. */
export interface PackSeedResult {
  /** Demo objects it inserted (0 when its demo was complete). */
  added: number;
  /** KPIs whose history it wrote directly: they need their first insights. */
  kpiIDs: string[];
}

/**
 * A pack's demo data. `seed` runs at every start (when SEED_DEMO is on), in
 * a transaction with the demo user's tenant context (row-level security
 * applies; audit rows say "seed"), so it must be idempotent: add only what
 * is missing, found by natural keys or stable ids, and leave the rest alone.
 * A pack installed later thereby fills the existing demo organization.
 */
export interface PackSeed {
  pack: string;
  seed(tx: TransactionSql, demo: DemoOrg): Promise<PackSeedResult>;
}

/** Every pack's seed, in order; a new pack adds its own here. */
export const PACK_SEEDS: readonly PackSeed[] = [
  kpiTrackerSeed,
  dashboardsSeed,
  customerSuccessSeed,
  accountHealthSeed,
  playbookSeed,
  shopFloorSeed,
];

/** The demo person and organization, created when missing (both found by their natural keys). */
export async function seedPlatform(auth: Auth, pools: Pools): Promise<DemoOrg & { created: boolean }> {
  let created = false;
  let [user] = await pools.admin<{ id: string }[]>`SELECT id FROM "user" WHERE email = ${DEMO_LOGIN.email}`;
  if (!user) {
    user = (await auth.api.signUpEmail({ body: DEMO_LOGIN })).user;
    created = true;
  }
  const [org] = await pools.admin<{ id: string }[]>`SELECT id FROM organization WHERE slug = ${DEMO_ORG.slug}`;
  if (!org) {
    const made = await auth.api.createOrganization({ body: { ...DEMO_ORG, userId: user.id } });
    if (!made) throw new Error('Could not create the demo organization');
    return { orgID: made.id, userID: user.id, created: true };
  }
  const [member] = await pools.admin`SELECT 1 FROM member WHERE "organizationId" = ${org.id} AND "userId" = ${user.id}`;
  if (!member) {
    await auth.api.addMember({ body: { userId: user.id, organizationId: org.id, role: 'owner' } });
    created = true;
  }
  return { orgID: org.id, userID: user.id, created };
}

export interface SeededDemo extends DemoOrg {
  /** KPIs the pack seeds added on this run. */
  kpiIDs: string[];
}

/**
 * The platform demo, then every pack's, each adding only what is missing.
 * Safe on every start and on an existing data folder. Returns what this run
 * added, or null when the demo was already complete.
 */
export async function seedDemo(auth: Auth, pools: Pools): Promise<SeededDemo | null> {
  const { created, ...demo } = await seedPlatform(auth, pools);
  const packs = await seedPacks(pools.app, demo);
  return created || packs.added > 0 ? { ...demo, kpiIDs: packs.kpiIDs } : null;
}

/** Each pack's seed into `demo`'s organization, one transaction per pack. */
export async function seedPacks(appSql: Sql, demo: DemoOrg, seeds: readonly PackSeed[] = PACK_SEEDS): Promise<PackSeedResult> {
  const total: PackSeedResult = { added: 0, kpiIDs: [] };
  for (const { pack, seed } of seeds) {
    const result = await withTenant(appSql, { userID: demo.userID, orgID: demo.orgID, source: 'seed' }, async (tx) => {
      // Two servers starting on one database seed one after the other, not both.
      await tx`SELECT pg_advisory_xact_lock(hashtext(${`seed:${pack}`}))`;
      return seed(tx, demo);
    });
    total.added += result.added;
    total.kpiIDs.push(...result.kpiIDs);
  }
  return total;
}
