import { describe, expect, test } from 'vitest';
import { useOrg } from '../../helpers/people.ts';
import { createKey, expectError, expectStatus, rest } from '../../helpers/rest.ts';

const WEIGHTS = {
  'Relationship Strength': 0.2,
  'Adoption & Engagement': 0.25,
  'Support & Experience': 0.2,
  'Product Value': 0.2,
  'Business Outcomes': 0.15,
};
const NPS = { higherIsBetter: true, critical: { min: -100, max: 0 }, risk: { min: 0, max: 30 }, healthy: { min: 30, max: 100 } };
const CHURN = { higherIsBetter: false, healthy: { min: 0, max: 5 }, risk: { min: 5, max: 10 }, critical: { min: 10, max: 50 } };

describe('POST /api/health/calculate', () => {
  const org = useOrg('Health calc', { hal: 'owner', vera: 'viewer' });

  test('scores what it is given, for any role, by session or API key, rounded to 2 decimals', async () => {
    const body = {
      categoryWeights: WEIGHTS,
      kpis: [
        { name: 'NPS Score', category: 'Relationship Strength', value: 10, weight: 2, range: NPS },
        { name: 'Champion strength', category: 'Relationship Strength', value: 65, range: NPS },
        { name: 'Churn Risk', category: 'Business Outcomes', value: 12, range: CHURN },
        { name: 'Logins', category: 'Adoption & Engagement', value: 40, range: null },
        { name: 'CSAT', category: 'Support & Experience', value: null, range: NPS },
      ],
    };
    const result = expectStatus(await rest({ person: org.vera, org: org.id }, 'POST', '/api/health/calculate', body), 200);
    // NPS 10 in risk 0..30: 50 + 10/30*25 = 58.33; champion 65: 87.5; churn 12 in critical 10..50 (lower is better): 50 - 2/40*50 = 47.5.
    const relationship = ((50 + (10 / 30) * 25) * 2 + 87.5) / 3;
    expect(result).toEqual({
      overall: Math.round(((relationship * 0.2 + 47.5 * 0.15) / 0.35) * 100) / 100,
      categories: [
        { name: 'Relationship Strength', score: Math.round(relationship * 100) / 100, weight: 0.2, validKpis: 2 },
        { name: 'Adoption & Engagement', score: null, weight: 0.25, validKpis: 0 },
        { name: 'Support & Experience', score: null, weight: 0.2, validKpis: 0 },
        { name: 'Product Value', score: null, weight: 0.2, validKpis: 0 },
        { name: 'Business Outcomes', score: 47.5, weight: 0.15, validKpis: 1 },
      ],
      kpis: [
        { name: 'NPS Score', status: 'risk', score: 58.33 },
        { name: 'Champion strength', status: 'healthy', score: 87.5 },
        { name: 'Churn Risk', status: 'critical', score: 47.5 },
        { name: 'Logins', status: null, score: null },
        { name: 'CSAT', status: null, score: null },
      ],
      totalKpis: 5,
      validKpis: 3,
    });
    const key = await createKey(org.hal, org.id, 'viewer');
    expect(expectStatus(await rest({ key: key.key }, 'POST', '/api/health/calculate', body), 200)).toEqual(result);
    const none = expectStatus(
      await rest({ key: key.key }, 'POST', '/api/health/calculate', { categoryWeights: WEIGHTS, kpis: [] }),
      200,
    );
    expect(none).toMatchObject({ overall: null, totalKpis: 0, validKpis: 0 });
  });

  test('an unknown category or bands that do not tile: 400 naming the field; no credentials: 401', async () => {
    const me = { person: org.hal, org: org.id };
    let error = expectError(
      await rest(me, 'POST', '/api/health/calculate', {
        categoryWeights: WEIGHTS,
        kpis: [{ name: 'X', category: 'Vibes', value: 1, range: NPS }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details.map((d) => d.loc.join('.'))).toEqual(['body.kpis.0.category']);
    error = expectError(
      await rest(me, 'POST', '/api/health/calculate', {
        categoryWeights: WEIGHTS,
        kpis: [{ name: 'X', category: 'Product Value', value: 1, range: { ...NPS, healthy: { min: 25, max: 100 } } }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details.map((d) => d.loc.join('.'))).toEqual(['body.kpis.0.range.healthy.min']);
    expect(error.message).toContain('The risk and healthy bands overlap from 25 to 30');
    expectError(await rest({}, 'POST', '/api/health/calculate', { categoryWeights: WEIGHTS, kpis: [] }), 401, 'UNAUTHENTICATED');
  });
});
