import { randomUUID } from 'node:crypto';
import type { PackSeed } from '../seed.ts';

/** The demo's customer accounts, found by name; the demo user looks after them all. */
const DEMO_ACCOUNTS: { name: string; annualRevenue: number | null; industry: string; region: string }[] = [
  { name: 'Acme Corporation', annualRevenue: 240000, industry: 'Manufacturing', region: 'North America' },
  { name: 'Globex Health', annualRevenue: 185000, industry: 'Healthcare', region: 'EMEA' },
  { name: 'Initech Software', annualRevenue: 96000, industry: 'Software', region: 'North America' },
  { name: 'Umbrella Logistics', annualRevenue: 132500, industry: 'Logistics', region: 'APAC' },
  { name: 'Northwind Retail', annualRevenue: null, industry: 'Retail', region: 'LATAM' },
];

/**
 * Customer success's demo: a few accounts. Each is found by name, so a start
 * adds only the ones missing and never touches what the demo user changed
 * (an edited revenue, a deactivated account).
 */
export const customerSuccessSeed: PackSeed = {
  pack: 'customer-success',
  async seed(tx, { orgID, userID }) {
    const names = DEMO_ACCOUNTS.map((a) => a.name);
    const found = new Set(
      (await tx<{ name: string }[]>`SELECT name FROM cs_account WHERE organization_id = ${orgID} AND name IN ${tx(names)}`).map(
        (a) => a.name,
      ),
    );
    const missing = DEMO_ACCOUNTS.filter((a) => !found.has(a.name));
    for (const a of missing) {
      await tx`INSERT INTO cs_account (id, organization_id, name, annual_revenue, status, industry, region, owner_id, created_by, created_at, updated_at)
               VALUES (${randomUUID()}, ${orgID}, ${a.name}, ${a.annualRevenue}, 'active', ${a.industry}, ${a.region},
                       ${userID}, ${userID}, now(), now())`;
    }
    return { added: missing.length, kpiIDs: [] };
  },
};
