import { randomUUID } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import { monthOf, monthsBetween } from '../../../shared/health/breakdown.ts';
import type { HealthCategory } from '../../../shared/health/weights.ts';
import type { PackSeed } from '../../seed.ts';
import { DEMO_ACCOUNTS } from '../seed.ts';
import { scoreCurrent, scoreMonths } from './compute.ts';
import { currentConfig } from './store.ts';

type Bands = [number, number, number, number];

/**
 * The demo's health KPIs (seed 002's shape): two or so per category, each
 * with its reference range as band edges along the number line (critical,
 * risk, healthy for higher-is-better; healthy, risk, critical for lower).
 */
const HEALTH_KPIS: {
  name: string;
  healthCategory: HealthCategory;
  unit: string;
  category: string;
  higherIsBetter: boolean;
  edges: Bands;
  target: number;
}[] = [
  {
    name: 'NPS Score',
    healthCategory: 'Relationship Strength',
    unit: 'score',
    category: 'satisfaction',
    higherIsBetter: true,
    edges: [-100, 0, 30, 100],
    target: 50,
  },
  {
    name: 'Executive Sponsor Engagement',
    healthCategory: 'Relationship Strength',
    unit: 'score',
    category: 'engagement',
    higherIsBetter: true,
    edges: [0, 4, 7, 10],
    target: 8,
  },
  {
    name: 'Active User Rate',
    healthCategory: 'Adoption & Engagement',
    unit: '%',
    category: 'engagement',
    higherIsBetter: true,
    edges: [0, 40, 70, 100],
    target: 80,
  },
  {
    name: 'Feature Adoption',
    healthCategory: 'Adoption & Engagement',
    unit: '%',
    category: 'engagement',
    higherIsBetter: true,
    edges: [0, 30, 60, 100],
    target: 70,
  },
  {
    name: 'CSAT',
    healthCategory: 'Support & Experience',
    unit: 'score',
    category: 'support',
    higherIsBetter: true,
    edges: [1, 3, 4, 5],
    target: 4.5,
  },
  {
    name: 'Open Critical Tickets',
    healthCategory: 'Support & Experience',
    unit: 'items',
    category: 'support',
    higherIsBetter: false,
    edges: [0, 2, 5, 20],
    target: 1,
  },
  {
    name: 'ROI Realized',
    healthCategory: 'Product Value',
    unit: '%',
    category: 'finance',
    higherIsBetter: true,
    edges: [0, 50, 100, 300],
    target: 150,
  },
  {
    name: 'Renewal Likelihood',
    healthCategory: 'Business Outcomes',
    unit: '%',
    category: 'retention',
    higherIsBetter: true,
    edges: [0, 50, 75, 100],
    target: 85,
  },
  {
    // Watched by the VoC sprint's default trigger (Churn Risk > 30).
    name: 'Churn Risk',
    healthCategory: 'Business Outcomes',
    unit: '%',
    category: 'retention',
    higherIsBetter: false,
    edges: [0, 15, 30, 100],
    target: 10,
  },
];

/** Months of history each demo account's KPIs get (the current one included). */
export const HISTORY_MONTHS = 12;

/**
 * A demo value: account `a`'s KPI `k` in month `m` (0 oldest), somewhere in
 * the KPI's span. Each account has its own level and drift, so the portfolio
 * spans healthy, at-risk and critical accounts, some improving, some not.
 */
function demoValue(a: number, k: number, m: number, edges: Bands, higherIsBetter: boolean): number {
  const level = 0.15 + ((a * 37) % 70) / 100;
  const drift = (((a * 13) % 7) - 3) * 0.015;
  const wiggle = Math.sin(a * 1.7 + k * 2.3 + m * 0.9) * 0.06;
  const goodness = Math.min(0.98, Math.max(0.02, level + drift * (m - HISTORY_MONTHS / 2) + wiggle));
  const [lo, , , hi] = edges;
  const t = higherIsBetter ? goodness : 1 - goodness;
  const raw = lo + (hi - lo) * t;
  return Math.round(raw * 10) / 10;
}

/** When a month's value was recorded: the 15th, or (the current month) a day ago if that is earlier. */
function recordedIn(month: string, now: number): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Math.min(Date.UTC(y, m - 1, 15, 12), now - 24 * 3600 * 1000));
}

async function seedRanges(tx: TransactionSql, orgID: string, userID: string): Promise<number> {
  let added = 0;
  for (const k of HEALTH_KPIS) {
    const [c0, c1, c2, c3] = k.edges;
    // Along the number line: critical, risk, healthy (higher is better) or healthy, risk, critical.
    const [critical, risk, healthy] = k.higherIsBetter
      ? [
          [c0, c1],
          [c1, c2],
          [c2, c3],
        ]
      : [
          [c2, c3],
          [c1, c2],
          [c0, c1],
        ];
    const rows = await tx`
      INSERT INTO reference_range (id, organization_id, kpi_name, unit, higher_is_better, critical_min, critical_max,
        risk_min, risk_max, healthy_min, healthy_max, updated_by, updated_at)
      VALUES (${randomUUID()}, ${orgID}, ${k.name}, ${k.unit}, ${k.higherIsBetter}, ${critical?.[0] ?? 0}, ${critical?.[1] ?? 0},
        ${risk?.[0] ?? 0}, ${risk?.[1] ?? 0}, ${healthy?.[0] ?? 0}, ${healthy?.[1] ?? 0}, ${userID}, now())
      ON CONFLICT (organization_id, kpi_name) DO NOTHING RETURNING id`;
    added += rows.length;
  }
  return added;
}

/** The account's health KPIs with a value per month; returns their ids. */
async function seedAccountKpis(
  tx: TransactionSql,
  orgID: string,
  userID: string,
  accountID: string,
  a: number,
  months: string[],
  now: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [k, kpi] of HEALTH_KPIS.entries()) {
    const id = randomUUID();
    const values = months.map((_, m) => demoValue(a, k, m, kpi.edges, kpi.higherIsBetter));
    const lastAt = recordedIn(months[months.length - 1] as string, now);
    await tx`
      INSERT INTO kpi (id, organization_id, name, unit, category, direction, frequency, target, current_value, current_at,
        owner_id, account_id, health_category, weight, created_by, created_at, updated_at)
      VALUES (${id}, ${orgID}, ${kpi.name}, ${kpi.unit}, ${kpi.category}, ${kpi.higherIsBetter ? 'higher' : 'lower'}, 'monthly',
        ${kpi.target}, ${values[values.length - 1] ?? null}, ${lastAt}, ${userID}, ${accountID}, ${kpi.healthCategory}, 1,
        ${userID}, ${recordedIn(months[0] as string, now)}, ${lastAt})`;
    const points = months.map((month, m) => ({
      id: randomUUID(),
      organization_id: orgID,
      kpi_id: id,
      value: values[m] as number,
      recorded_at: recordedIn(month, now),
      created_by: userID,
      created_at: recordedIn(month, now),
    }));
    await tx`INSERT INTO data_point ${tx(points)}`;
    ids.push(id);
  }
  return ids;
}

/**
 * Live health's demo: a reference range for every demo KPI name, and for
 * each demo account (found by name) that has no KPI yet, its health KPIs
 * with twelve months of monthly values; then the active ones' monthly trend
 * and current health, so the account pages are alive on a fresh start.
 * Runs after the accounts' seed; adds only what is missing (a range by its
 * name, KPIs only to an account without any), never touching what the demo
 * user changed.
 */
export const accountHealthSeed: PackSeed = {
  pack: 'customer-success-health',
  async seed(tx, { orgID, userID }) {
    const now = Date.now();
    const ranges = await seedRanges(tx, orgID, userID);
    const names = DEMO_ACCOUNTS.map((a) => a.name);
    const bare = await tx<{ id: string; name: string; active: boolean }[]>`
      SELECT a.id, a.name, a.status = 'active' AS active FROM cs_account a
      WHERE a.organization_id = ${orgID} AND a.name IN ${tx(names)}
        AND NOT EXISTS (SELECT 1 FROM kpi k WHERE k.organization_id = a.organization_id AND k.account_id = a.id)
      ORDER BY a.name`;
    const first = new Date(now);
    first.setUTCMonth(first.getUTCMonth() - (HISTORY_MONTHS - 1));
    const months = monthsBetween(monthOf(first.getTime()), monthOf(now));
    const kpiIDs: string[] = [];
    for (const account of bare) {
      kpiIDs.push(...(await seedAccountKpis(tx, orgID, userID, account.id, names.indexOf(account.name), months, now)));
    }
    // Health is kept for active accounts only (an inactive one keeps its last).
    const accounts = bare.filter((a) => a.active).map((a) => a.id);
    if (accounts.length > 0) {
      const config = await currentConfig(tx, orgID);
      await scoreMonths(tx, orgID, accounts, months.slice(0, -1), config, config.version, now);
      await scoreCurrent(tx, orgID, accounts, now);
    }
    return { added: ranges + kpiIDs.length, kpiIDs };
  },
};
