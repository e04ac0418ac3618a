import type { AccountStatus } from '../../../shared/customer-success/account-fields.ts';
import { bandOfScore } from '../../../shared/health/breakdown.ts';
import type { HealthStatus } from '../../../shared/health/ranges.ts';

/** What the accounts list is narrowed to and ordered by (kept in the page's URL). */
export interface AccountFilter {
  /** Words the name, industry, region or owner must contain. */
  search: string;
  status: AccountStatus | 'all';
  industry: string;
  region: string;
  /** A health band, 'unscored' (no overall score yet), or '' for any. */
  band: HealthStatus | 'unscored' | '';
  sort: AccountSort;
}

export const ACCOUNT_SORTS = ['name', 'health-asc', 'health-desc', 'revenue-desc'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export const DEFAULT_FILTER: AccountFilter = { search: '', status: 'active', industry: '', region: '', band: '', sort: 'name' };

/** An account as the list sees it: its row, its owner's name and its overall health (null: not scored). */
export interface ListedAccount {
  id: string;
  name: string;
  status: AccountStatus;
  industry?: string | null | undefined;
  region?: string | null | undefined;
  annualRevenue?: number | null | undefined;
  ownerName?: string | null | undefined;
  health: number | null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Unscored accounts go last whichever way health is sorted: they have nothing to compare. */
function byHealth(a: ListedAccount, b: ListedAccount, dir: 1 | -1): number {
  if (a.health === null || b.health === null) return a.health === b.health ? 0 : a.health === null ? 1 : -1;
  return (a.health - b.health) * dir;
}

const ORDER: Record<AccountSort, (a: ListedAccount, b: ListedAccount) => number> = {
  name: () => 0,
  'health-asc': (a, b) => byHealth(a, b, 1),
  'health-desc': (a, b) => byHealth(a, b, -1),
  'revenue-desc': (a, b) => (b.annualRevenue ?? -1) - (a.annualRevenue ?? -1),
};

/** The accounts the filter keeps, in its order (ties by name, then id, so the order is stable). */
export function filterAccounts(accounts: readonly ListedAccount[], f: AccountFilter): ListedAccount[] {
  const words = fold(f.search).split(/\s+/).filter(Boolean);
  const kept = accounts.filter((a) => {
    if (f.status !== 'all' && a.status !== f.status) return false;
    if (f.industry && a.industry !== f.industry) return false;
    if (f.region && a.region !== f.region) return false;
    if (f.band) {
      const band = bandOfScore(a.health);
      if (f.band === 'unscored' ? band !== null : band !== f.band) return false;
    }
    if (words.length) {
      const haystack = fold([a.name, a.industry, a.region, a.ownerName].filter(Boolean).join(' '));
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
  return kept.sort((a, b) => ORDER[f.sort](a, b) || collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** The distinct non-empty values of a field, sorted, for a filter's choices. */
export function choicesOf(accounts: readonly ListedAccount[], field: 'industry' | 'region'): string[] {
  return [...new Set(accounts.map((a) => a[field]).filter((v): v is string => !!v))].sort(collator.compare);
}

/** Reads the filter from URL search parameters, ignoring values it does not know. */
export function filterFromParams(p: Record<string, string | string[] | undefined>): AccountFilter {
  const one = (k: string) => (Array.isArray(p[k]) ? p[k][0] : p[k]) ?? '';
  const pick = <T extends string>(v: string, allowed: readonly T[], fallback: T): T =>
    (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
  return {
    search: one('q'),
    status: pick(one('status'), ['active', 'inactive', 'all'] as const, DEFAULT_FILTER.status),
    industry: one('industry'),
    region: one('region'),
    band: pick(one('band'), ['critical', 'risk', 'healthy', 'unscored', ''] as const, ''),
    sort: pick(one('sort'), ACCOUNT_SORTS, DEFAULT_FILTER.sort),
  };
}
