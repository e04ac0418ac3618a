import { randomUUID } from 'node:crypto';
import type { PackSeed } from '../seed.ts';

/** The demo's customer accounts (seed 002's 25), found by name; the demo user looks after them all. */
export const DEMO_ACCOUNTS: { name: string; annualRevenue: number | null; industry: string; region: string }[] = [
  { name: 'Acme Corporation', annualRevenue: 240000, industry: 'Manufacturing', region: 'North America' },
  { name: 'Globex Health', annualRevenue: 185000, industry: 'Healthcare', region: 'EMEA' },
  { name: 'Initech Software', annualRevenue: 96000, industry: 'Software', region: 'North America' },
  { name: 'Umbrella Logistics', annualRevenue: 132500, industry: 'Logistics', region: 'APAC' },
  { name: 'Northwind Retail', annualRevenue: null, industry: 'Retail', region: 'LATAM' },
  { name: 'Stark Industries', annualRevenue: 410000, industry: 'Manufacturing', region: 'North America' },
  { name: 'Wayne Enterprises', annualRevenue: 375000, industry: 'Finance', region: 'North America' },
  { name: 'Cyberdyne Systems', annualRevenue: 158000, industry: 'Software', region: 'North America' },
  { name: 'Soylent Foods', annualRevenue: 72000, industry: 'Food', region: 'EMEA' },
  { name: 'Tyrell Biotech', annualRevenue: 221000, industry: 'Healthcare', region: 'APAC' },
  { name: 'Wonka Confectionery', annualRevenue: 64000, industry: 'Food', region: 'EMEA' },
  { name: 'Oceanic Airlines', annualRevenue: 298000, industry: 'Travel', region: 'APAC' },
  { name: 'Hooli Cloud', annualRevenue: 189000, industry: 'Software', region: 'North America' },
  { name: 'Pied Piper', annualRevenue: 41000, industry: 'Software', region: 'North America' },
  { name: 'Vandelay Imports', annualRevenue: 53500, industry: 'Logistics', region: 'North America' },
  { name: 'Monarch Insurance', annualRevenue: 167000, industry: 'Finance', region: 'EMEA' },
  { name: 'Aperture Labs', annualRevenue: 143000, industry: 'Research', region: 'North America' },
  { name: 'Blue Sun Energy', annualRevenue: 256000, industry: 'Energy', region: 'APAC' },
  { name: 'Gringotts Banking', annualRevenue: 312000, industry: 'Finance', region: 'EMEA' },
  { name: 'Dunder Paper', annualRevenue: 38000, industry: 'Retail', region: 'North America' },
  { name: 'Massive Dynamic', annualRevenue: 205000, industry: 'Research', region: 'North America' },
  { name: 'Prestige Worldwide', annualRevenue: 29000, industry: 'Media', region: 'LATAM' },
  { name: 'Sirius Telecom', annualRevenue: 176000, industry: 'Telecom', region: 'EMEA' },
  { name: 'Zenith Mobility', annualRevenue: 88000, industry: 'Travel', region: 'LATAM' },
  { name: 'Quantum Analytics', annualRevenue: 119000, industry: 'Software', region: 'APAC' },
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
