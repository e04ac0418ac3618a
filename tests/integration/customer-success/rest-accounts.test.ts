import { describe, expect, test } from 'vitest';
import { useOrg } from '../../helpers/people.ts';
import { createKpi, expectError, expectStatus, rest } from '../../helpers/rest.ts';

/** Field names in a 400's details. */
const locs = (error: { details: { loc: (string | number)[] }[] }) => error.details.map((d) => d.loc.join('.'));

describe('REST /api/accounts', () => {
  const org = useOrg('Accounts REST', { ada: 'owner', mia: 'manager', vic: 'viewer' });
  const other = useOrg('Accounts elsewhere', { ivan: 'owner' });
  const as = (who: 'ada' | 'mia' | 'vic') => ({ person: org[who], org: org.id });
  const ivan = () => ({ person: other.ivan, org: other.id });

  test('an account: created (201 with id), read, listed with filters, edited, deactivated by DELETE, reactivated by PUT', async () => {
    const created = expectStatus(
      await rest(as('mia'), 'POST', '/api/accounts', {
        name: '  Contoso Ltd ',
        annualRevenue: 125000.5,
        industry: 'Software',
        region: 'EMEA',
        ownerId: org.vic.userID,
      }),
      201,
    );
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Contoso Ltd',
      annualRevenue: 125000.5,
      status: 'active',
      industry: 'Software',
      region: 'EMEA',
      ownerId: org.vic.userID,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(Number.isNaN(Date.parse(created.createdAt))).toBe(false);
    // The owner defaults to the one who adds it; revenue, industry and region are optional.
    const plain = expectStatus(await rest(as('mia'), 'POST', '/api/accounts', { name: 'Fabrikam' }), 201);
    expect(plain).toMatchObject({ ownerId: org.mia.userID, annualRevenue: null, industry: null, region: null });

    // Every member reads.
    expect(expectStatus(await rest(as('vic'), 'GET', `/api/accounts/${created.id}`), 200)).toEqual(created);
    const names = async (query: string) =>
      expectStatus(await rest(as('vic'), 'GET', `/api/accounts${query}`), 200).map((a: { name: string }) => a.name);
    expect(await names('')).toEqual(['Contoso Ltd', 'Fabrikam']);
    expect(await names('?q=cont')).toEqual(['Contoso Ltd']);
    expect(await names('?q=%25')).toEqual([]);
    expect(await names('?industry=Software&region=EMEA')).toEqual(['Contoso Ltd']);
    expect(await names('?region=APAC')).toEqual([]);

    const edited = expectStatus(
      await rest(as('mia'), 'PUT', `/api/accounts/${created.id}`, { annualRevenue: null, region: 'APAC' }),
      200,
    );
    expect(edited).toMatchObject({ name: 'Contoso Ltd', annualRevenue: null, region: 'APAC', industry: 'Software' });

    const gone = expectStatus(await rest(as('mia'), 'DELETE', `/api/accounts/${created.id}`), 200);
    expect(gone).toMatchObject({ id: created.id, status: 'inactive' });
    expect(await names('')).toEqual(['Fabrikam']);
    expect(await names('?status=inactive')).toEqual(['Contoso Ltd']);
    expect(await names('?status=all')).toEqual(['Contoso Ltd', 'Fabrikam']);
    // Deactivating again leaves it as it is.
    const again = expectStatus(await rest(as('mia'), 'DELETE', `/api/accounts/${created.id}`), 200);
    expect(again.updatedAt).toBe(gone.updatedAt);

    const back = expectStatus(await rest(as('mia'), 'PUT', `/api/accounts/${created.id}`, { status: 'active' }), 200);
    expect(back.status).toBe('active');
    expect(await names('')).toEqual(['Contoso Ltd', 'Fabrikam']);
  });

  test('bad fields are refused with 400 naming each one; a viewer is refused 403; another organization gets 404', async () => {
    let error = expectError(
      await rest(as('mia'), 'POST', '/api/accounts', { name: ' ', annualRevenue: -1, region: 'x'.repeat(101) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error).sort()).toEqual(['body.annualRevenue', 'body.name', 'body.region']);
    error = expectError(
      await rest(as('mia'), 'POST', '/api/accounts', { name: 'N'.repeat(201), annualRevenue: 1e16 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error).sort()).toEqual(['body.annualRevenue', 'body.name']);
    error = expectError(
      await rest(as('mia'), 'POST', '/api/accounts', { name: 'Owned', ownerId: other.ivan.userID }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error)).toEqual(['body.ownerId']);
    expect(error.message).toContain('member');
    error = expectError(
      await rest(as('mia'), 'POST', '/api/accounts', { name: 'Typed', annualRevenue: '12' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error)).toEqual(['body.annualRevenue']);
    error = expectError(await rest(as('mia'), 'GET', '/api/accounts?status=gone'), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['query.status']);

    const account = expectStatus(await rest(as('mia'), 'POST', '/api/accounts', { name: 'Guarded' }), 201);
    expectError(await rest(as('vic'), 'POST', '/api/accounts', { name: 'By a viewer' }), 403, 'FORBIDDEN');
    expectError(await rest(as('vic'), 'PUT', `/api/accounts/${account.id}`, { name: 'Renamed' }), 403, 'FORBIDDEN');
    expectError(await rest(as('vic'), 'DELETE', `/api/accounts/${account.id}`), 403, 'FORBIDDEN');

    expectError(await rest(ivan(), 'GET', `/api/accounts/${account.id}`), 404, 'NOT_FOUND');
    expectError(await rest(ivan(), 'PUT', `/api/accounts/${account.id}`, { name: 'Taken' }), 404, 'NOT_FOUND');
    expectError(await rest(ivan(), 'DELETE', `/api/accounts/${account.id}`), 404, 'NOT_FOUND');
    expect(expectStatus(await rest(ivan(), 'GET', '/api/accounts?status=all'), 200)).toEqual([]);
    expect(expectStatus(await rest(as('ada'), 'GET', `/api/accounts/${account.id}`), 200).name).toBe('Guarded');
  });

  test('KPIs take an account of the organization, a health category and a weight; another organization’s account is refused', async () => {
    const account = expectStatus(await rest(as('mia'), 'POST', '/api/accounts', { name: 'Tailspin' }), 201);
    const theirs = expectStatus(await rest(ivan(), 'POST', '/api/accounts', { name: 'Theirs' }), 201);

    const kpi = await createKpi(as('mia'), { accountId: account.id, healthCategory: 'Product Value', weight: 2.5 });
    expect(kpi).toMatchObject({ accountId: account.id, healthCategory: 'Product Value', weight: 2.5 });
    const plain = await createKpi(as('mia'), { title: 'Plain' });
    expect(plain).toMatchObject({ accountId: null, healthCategory: null, weight: 1 });

    const edited = expectStatus(
      await rest(as('mia'), 'PUT', `/api/kpis/${plain.id}`, {
        accountId: account.id,
        healthCategory: 'Business Outcomes',
        weight: 0,
      }),
      200,
    );
    expect(edited).toMatchObject({ accountId: account.id, healthCategory: 'Business Outcomes', weight: 0 });

    let error = expectError(
      await rest(as('mia'), 'POST', '/api/kpis', { title: 'Borrowed', targetValue: 1, unit: '$', accountId: theirs.id }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error)).toEqual(['body.accountId']);
    error = expectError(await rest(as('mia'), 'PUT', `/api/kpis/${kpi.id}`, { accountId: theirs.id }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.accountId']);
    error = expectError(
      await rest(as('mia'), 'PUT', `/api/kpis/${kpi.id}`, { healthCategory: 'Vibes', weight: -1 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error).sort()).toEqual(['body.healthCategory', 'body.weight']);
    expect(error.details.find((d) => d.loc.join('.') === 'body.healthCategory')?.msg).toContain('Relationship Strength');
    // Nothing changed by the refusals.
    expect(expectStatus(await rest(as('vic'), 'GET', `/api/kpis/${kpi.id}`), 200)).toMatchObject({
      accountId: account.id,
      healthCategory: 'Product Value',
      weight: 2.5,
    });
    // A KPI keeps its account while the account is inactive.
    expectStatus(await rest(as('mia'), 'DELETE', `/api/accounts/${account.id}`), 200);
    expect(expectStatus(await rest(as('vic'), 'GET', `/api/kpis/${kpi.id}`), 200).accountId).toBe(account.id);
  });
});
