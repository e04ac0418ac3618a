import { describe, expect, test } from 'vitest';
import { bandOfScore, startOfMonth } from '../../../shared/health/breakdown.ts';
import {
  choicesOf,
  DEFAULT_FILTER,
  filterAccounts,
  filterFromParams,
  type ListedAccount,
} from '../../../web/features/accounts/account-filter.ts';
import { bandCounts, portfolioTrend } from '../../../web/features/accounts/portfolio.ts';

const acct = (id: string, name: string, more: Partial<ListedAccount> = {}): ListedAccount => ({
  id,
  name,
  status: 'active',
  industry: null,
  region: null,
  annualRevenue: null,
  ownerName: null,
  health: null,
  ...more,
});

const accounts = [
  acct('1', 'Acme', { industry: 'Software', region: 'EMEA', health: 82.4, annualRevenue: 1_000_000, ownerName: 'Ana Díaz' }),
  acct('2', 'Bolt', { industry: 'Retail', region: 'NA', health: 40, annualRevenue: 250_000 }),
  acct('3', 'Crane', { industry: 'Software', region: 'NA', health: 74.99 }),
  acct('4', 'Delta', { status: 'inactive', industry: 'Retail', health: 90 }),
  acct('5', 'Echo', { region: 'EMEA' }),
];
const ids = (f: Partial<typeof DEFAULT_FILTER>) => filterAccounts(accounts, { ...DEFAULT_FILTER, ...f }).map((a) => a.id);

describe('health bands of a 0-100 score', () => {
  test('below 50 critical, below 75 risk, else healthy; no score is no band (never critical)', () => {
    expect([0, 49.99, 50, 74.99, 75, 100].map(bandOfScore)).toEqual([
      'critical',
      'critical',
      'risk',
      'risk',
      'healthy',
      'healthy',
    ]);
    expect(bandOfScore(null)).toBeNull();
    expect(bandOfScore(undefined)).toBeNull();
  });
});

describe('the accounts list filter', () => {
  test('by default: active accounts by name', () => {
    expect(ids({})).toEqual(['1', '2', '3', '5']);
    expect(ids({ status: 'inactive' })).toEqual(['4']);
    expect(ids({ status: 'all' })).toHaveLength(5);
  });

  test('search matches every word in name, industry, region or CSM, ignoring case and accents', () => {
    expect(ids({ search: 'software na' })).toEqual(['1', '3']); // "na": Crane's region, and Ana in Acme's CSM
    expect(ids({ search: 'retail bolt' })).toEqual(['2']);
    expect(ids({ search: 'ANA DIAZ' })).toEqual(['1']);
    expect(ids({ search: 'nothing-like-it' })).toEqual([]);
  });

  test('industry, region and health band narrow it; "unscored" keeps accounts without a score', () => {
    expect(ids({ industry: 'Software' })).toEqual(['1', '3']);
    expect(ids({ region: 'EMEA' })).toEqual(['1', '5']);
    expect(ids({ band: 'risk' })).toEqual(['3']);
    expect(ids({ band: 'critical' })).toEqual(['2']);
    expect(ids({ band: 'unscored' })).toEqual(['5']);
  });

  test('sorted by health either way, unscored last both ways; by revenue, largest first', () => {
    expect(ids({ sort: 'health-asc' })).toEqual(['2', '3', '1', '5']);
    expect(ids({ sort: 'health-desc' })).toEqual(['1', '3', '2', '5']);
    expect(ids({ sort: 'revenue-desc' })).toEqual(['1', '2', '3', '5']);
  });

  test('choices are the distinct values present, sorted', () => {
    expect(choicesOf(accounts, 'industry')).toEqual(['Retail', 'Software']);
    expect(choicesOf(accounts, 'region')).toEqual(['EMEA', 'NA']);
  });

  test('read from the URL, unknown values fall back to the defaults', () => {
    expect(filterFromParams({ q: 'acme', status: 'all', band: 'risk', sort: 'health-asc' })).toEqual({
      ...DEFAULT_FILTER,
      search: 'acme',
      status: 'all',
      band: 'risk',
      sort: 'health-asc',
    });
    expect(filterFromParams({ status: 'deleted', band: 'great', sort: 'random' })).toEqual(DEFAULT_FILTER);
  });
});

describe('the portfolio view', () => {
  test('band counts put accounts without a score apart', () => {
    expect(bandCounts([90, 74, 10, null, 75])).toEqual({ healthy: 2, risk: 1, critical: 1, unscored: 1 });
  });

  test('the monthly mean counts only scored accounts of the kept ones, months in order', () => {
    const snaps = [
      { month: '2026-02', overall: 80, accountID: 'a' },
      { month: '2026-01', overall: 60, accountID: 'a' },
      { month: '2026-01', overall: 70, accountID: 'b' },
      { month: '2026-01', overall: null, accountID: 'c' },
      { month: '2026-02', overall: 10, accountID: 'gone' },
      { month: '2025-12', overall: null, accountID: 'a' },
    ];
    expect(portfolioTrend(snaps, (id) => id !== 'gone')).toEqual([
      { month: '2026-01', mean: 65, accounts: 2 },
      { month: '2026-02', mean: 80, accounts: 1 },
    ]);
    expect(startOfMonth('2026-02')).toBe(Date.UTC(2026, 1, 1));
  });
});
