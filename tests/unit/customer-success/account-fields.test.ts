import { describe, expect, test } from 'vitest';
import { accountInput, accountPatch } from '../../../shared/customer-success/account-fields.ts';
import { HEALTH_CATEGORIES, isHealthCategory } from '../../../shared/customer-success/categories.ts';
import { kpiInput, kpiPatch } from '../../../shared/kpi.ts';
import { fieldIssues } from '../../../shared/validation.ts';

/** The fields a value fails on, sorted. */
function failing(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return fieldIssues(result.error as Parameters<typeof fieldIssues>[0])
    .map((i) => i.loc.join('.'))
    .sort();
}

describe('account field rules', () => {
  test('a new account needs a name of 1-200 characters; the rest is optional, blank text is none', () => {
    expect(accountInput.parse({ name: '  Acme  ' })).toEqual({ name: 'Acme', annualRevenue: null, industry: null, region: null });
    expect(accountInput.parse({ name: 'Acme', industry: '  ', region: ' EMEA ', annualRevenue: 0 })).toMatchObject({
      industry: null,
      region: 'EMEA',
      annualRevenue: 0,
    });
    expect(accountInput.parse({ name: 'N'.repeat(200) }).name).toHaveLength(200);
    expect(failing(accountInput, { name: 'N'.repeat(201) })).toEqual(['name']);
    expect(failing(accountInput, { name: '   ' })).toEqual(['name']);
    expect(failing(accountInput, {})).toEqual(['name']);
  });

  test('annual revenue is a number from 0 up to the shared bound, or null', () => {
    expect(accountInput.parse({ name: 'A', annualRevenue: 1e15 }).annualRevenue).toBe(1e15);
    expect(accountInput.parse({ name: 'A', annualRevenue: null }).annualRevenue).toBeNull();
    for (const bad of [-0.01, 1e15 + 2, Number.NaN, Number.POSITIVE_INFINITY, '12']) {
      expect(failing(accountInput, { name: 'A', annualRevenue: bad }), String(bad)).toEqual(['annualRevenue']);
    }
    const negative = accountInput.safeParse({ name: 'A', annualRevenue: -5 });
    expect(negative.error?.issues[0]?.message).toBe('Annual revenue cannot be negative');
  });

  test('industry and region are short text; an edit may bring any subset, every bad field named at once', () => {
    expect(failing(accountInput, { name: 'A', industry: 'x'.repeat(101), region: 7 })).toEqual(['industry', 'region']);
    expect(accountPatch.parse({})).toEqual({});
    expect(accountPatch.parse({ region: null, ownerID: null })).toEqual({ region: null, ownerID: null });
    expect(failing(accountPatch, { name: '', annualRevenue: -1, ownerID: '' })).toEqual(['annualRevenue', 'name', 'ownerID']);
  });
});

describe('KPI health fields', () => {
  test('the five health categories of issue 9', () => {
    expect(HEALTH_CATEGORIES).toEqual([
      'Relationship Strength',
      'Adoption & Engagement',
      'Support & Experience',
      'Product Value',
      'Business Outcomes',
    ]);
    expect(isHealthCategory('Product Value')).toBe(true);
    expect(isHealthCategory('product value')).toBe(false);
  });

  test('a KPI has no health category and weight 1 by default; the category is one of the five, the weight 0 to the bound', () => {
    const kpi = kpiInput.parse({ name: 'NPS', unit: '', target: 50 });
    expect(kpi).toMatchObject({ healthCategory: null, weight: 1, accountID: null });
    expect(kpiPatch.parse({ healthCategory: 'Business Outcomes', weight: 0 })).toEqual({
      healthCategory: 'Business Outcomes',
      weight: 0,
    });
    expect(failing(kpiPatch, { healthCategory: 'Vibes', weight: -1 })).toEqual(['healthCategory', 'weight']);
    expect(failing(kpiPatch, { weight: 1e16 })).toEqual(['weight']);
    expect(kpiPatch.safeParse({ healthCategory: 'x' }).error?.issues[0]?.message).toContain('Relationship Strength');
  });
});
