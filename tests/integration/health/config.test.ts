import { describe, expect, test } from 'vitest';
import { DEFAULT_CATEGORY_WEIGHTS } from '../../../shared/health/weights.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectError, expectStatus, rest } from '../../helpers/rest.ts';

const NPS = {
  unit: 'score',
  higherIsBetter: true,
  critical: { min: -100, max: 0 },
  risk: { min: 0, max: 30 },
  healthy: { min: 30, max: 100 },
};

describe('health configuration: reference ranges and category weights, versioned', () => {
  const org = useOrg('Health config', { ada: 'owner', max: 'manager', vic: 'viewer' });
  const other = useOrg('Health elsewhere', { ivan: 'owner' });
  const sql = useAdminSql();
  const as = (who: 'ada' | 'max' | 'vic') => ({ person: org[who], org: org.id });

  test('an admin sets a range; everyone reads it; each change is a numbered version with who, before and after', async () => {
    const set = expectStatus(await rest(as('ada'), 'PUT', '/api/reference-ranges/NPS%20Score', NPS), 200);
    expect(set).toMatchObject({
      kpiName: 'NPS Score',
      unit: 'score',
      higherIsBetter: true,
      risk: { min: 0, max: 30 },
      updatedBy: org.ada.userID,
    });
    expect(expectStatus(await rest(as('vic'), 'GET', '/api/reference-ranges/NPS%20Score'), 200)).toEqual(set);
    const changed = expectStatus(
      await rest(as('ada'), 'PUT', '/api/reference-ranges/NPS%20Score', {
        ...NPS,
        risk: { min: 0, max: 40 },
        healthy: { min: 40, max: 100 },
      }),
      200,
    );
    expect(changed.healthy).toEqual({ min: 40, max: 100 });
    const versions = await sql<
      {
        version: number;
        kind: string;
        subject: string;
        changed_by: string;
        before: { risk_max: number } | null;
        after: { risk_max: number };
      }[]
    >`
      SELECT version, kind, subject, changed_by, before, after FROM health_config_version WHERE organization_id = ${org.id} ORDER BY version`;
    expect(
      versions.map((v) => [v.version, v.kind, v.subject, v.changed_by, v.before?.risk_max ?? null, v.after.risk_max]),
    ).toEqual([
      [1, 'reference_range', 'NPS Score', org.ada.userID, null, 30],
      [2, 'reference_range', 'NPS Score', org.ada.userID, 30, 40],
    ]);
  });

  test('bands that overlap or leave a gap are refused, naming the bands; nothing is written', async () => {
    const error = expectError(
      await rest(as('ada'), 'PUT', '/api/reference-ranges/Churn', {
        higherIsBetter: false,
        healthy: { min: 0, max: 5 },
        risk: { min: 6, max: 10 },
        critical: { min: 10, max: 50 },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details.map((d) => d.loc.join('.'))).toEqual(['body.risk.min']);
    expect(error.message).toBe(
      'The healthy and risk bands leave a gap from 5 to 6: with lower is better, risk.min must equal healthy.max',
    );
    expectError(await rest(as('ada'), 'GET', '/api/reference-ranges/Churn'), 404, 'NOT_FOUND');
  });

  test('category weights: the defaults until changed; admins set all five; others are refused', async () => {
    const initial = expectStatus(await rest(as('vic'), 'GET', '/api/category-weights'), 200);
    expect(initial).toEqual({ categoryWeights: DEFAULT_CATEGORY_WEIGHTS, updatedBy: null, updatedAt: null });
    const weights = { ...DEFAULT_CATEGORY_WEIGHTS, 'Product Value': 0.4 };
    const set = expectStatus(await rest(as('ada'), 'PUT', '/api/category-weights', { categoryWeights: weights }), 200);
    expect(set).toMatchObject({ categoryWeights: weights, updatedBy: org.ada.userID });
    expect(expectStatus(await rest(as('vic'), 'GET', '/api/category-weights'), 200).categoryWeights).toEqual(weights);

    const missing = expectError(
      await rest(as('ada'), 'PUT', '/api/category-weights', { categoryWeights: { ...weights, Vibes: 1, 'Product Value': -1 } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(missing.details.map((d) => d.loc.join('.'))).toEqual(expect.arrayContaining(['body.categoryWeights.Product Value']));
    expectError(await rest(as('max'), 'PUT', '/api/category-weights', { categoryWeights: weights }), 403, 'FORBIDDEN');
    expectError(await rest(as('max'), 'PUT', '/api/reference-ranges/NPS%20Score', NPS), 403, 'FORBIDDEN');
    // Another organization keeps its own defaults and sees none of this one's ranges.
    const theirs = { person: other.ivan, org: other.id };
    expect(expectStatus(await rest(theirs, 'GET', '/api/category-weights'), 200).categoryWeights).toEqual(
      DEFAULT_CATEGORY_WEIGHTS,
    );
    expectError(await rest(theirs, 'GET', '/api/reference-ranges/NPS%20Score'), 404, 'NOT_FOUND');
  });
});
