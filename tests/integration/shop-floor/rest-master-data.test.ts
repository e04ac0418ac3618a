import { describe, expect, test } from 'vitest';
import { useAdminSql } from '../../helpers/db.ts';
import { useOrg } from '../../helpers/people.ts';
import { comparable, createKey, expectError, expectStatus, rest } from '../../helpers/rest.ts';

const locs = (error: { details: { loc: (string | number)[] }[] }) => error.details.map((d) => d.loc.join('.'));

describe('REST /api/lines and /api/products', () => {
  const org = useOrg('Master data REST', { ada: 'owner', mia: 'manager', otto: 'operator', vic: 'viewer' });
  const other = useOrg('Master data elsewhere', { ivan: 'owner' });
  const as = (who: 'ada' | 'mia' | 'otto' | 'vic') => ({ person: org[who], org: org.id });
  const ivan = () => ({ person: other.ivan, org: other.id });
  const sql = useAdminSql();

  test('a line: created (201), listed, renamed, its name unique (409 naming it), archived by DELETE, restored by PUT; every change audited', async () => {
    const line = expectStatus(await rest(as('mia'), 'POST', '/api/lines', { name: '  Assembly ' }), 201);
    expect(line).toEqual({
      id: expect.any(String),
      name: 'Assembly',
      archived: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expectStatus(await rest(as('mia'), 'POST', '/api/lines', { name: 'Packaging' }), 201);
    const names = async (query = '') =>
      expectStatus(await rest(as('vic'), 'GET', `/api/lines${query}`), 200).map((l: { name: string }) => l.name);
    expect(await names()).toEqual(['Assembly', 'Packaging']);

    let error = expectError(await rest(as('mia'), 'POST', '/api/lines', { name: 'Packaging' }), 409, 'CONFLICT');
    expect(locs(error)).toEqual(['body.name']);
    expect(error.message).toBe('A line with the name “Packaging” already exists (it may be archived): choose another name');
    error = expectError(await rest(as('mia'), 'PUT', `/api/lines/${line.id}`, { name: 'Packaging' }), 409, 'CONFLICT');
    expect(locs(error)).toEqual(['body.name']);
    error = expectError(await rest(as('mia'), 'POST', '/api/lines', { name: ' ' }), 400, 'VALIDATION_FAILED');
    expect(error.details).toMatchObject([{ loc: ['body', 'name'], msg: 'Name is required' }]);
    error = expectError(await rest(as('mia'), 'POST', '/api/lines', {}), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.name']);

    const renamed = expectStatus(await rest(as('mia'), 'PUT', `/api/lines/${line.id}`, { name: 'Final assembly' }), 200);
    expect(renamed).toMatchObject({ name: 'Final assembly', archived: false });
    expect(expectStatus(await rest(as('mia'), 'DELETE', `/api/lines/${line.id}`), 200).archived).toBe(true);
    expect(await names()).toEqual(['Packaging']);
    expect(await names('?archived=true')).toEqual(['Final assembly']);
    expect(await names('?archived=all')).toEqual(['Final assembly', 'Packaging']);
    // An archived name is still taken: restoring it must not clash.
    expectError(await rest(as('mia'), 'POST', '/api/lines', { name: 'Final assembly' }), 409, 'CONFLICT');
    expect(expectStatus(await rest(as('mia'), 'PUT', `/api/lines/${line.id}`, { archived: false }), 200).archived).toBe(false);

    const audit = await sql<{ action: string; actor_id: string; source: string }[]>`
      SELECT action, actor_id, source FROM audit_log WHERE table_name = 'sf_line' AND row_id = ${line.id} ORDER BY id`;
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update', 'update', 'update']);
    expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([org.mia.userID]));
    expect(audit[0]?.source).toBe('rest:POST /api/lines');
  });

  test('a product: code unique (409 naming it), an ideal cycle time above 0 required (400 naming it), edited and archived', async () => {
    const product = expectStatus(
      await rest(as('mia'), 'POST', '/api/products', { code: 'WID-100', name: 'Widget', idealCycleSeconds: 12.5 }),
      201,
    );
    expect(product).toMatchObject({ code: 'WID-100', name: 'Widget', idealCycleSeconds: 12.5, archived: false });
    let error = expectError(
      await rest(as('mia'), 'POST', '/api/products', { code: 'WID-100', name: 'Twin', idealCycleSeconds: 1 }),
      409,
      'CONFLICT',
    );
    expect(locs(error)).toEqual(['body.code']);
    for (const idealCycleSeconds of [0, -5, 86_401]) {
      error = expectError(
        await rest(as('mia'), 'POST', '/api/products', { code: 'WID-X', name: 'X', idealCycleSeconds }),
        400,
        'VALIDATION_FAILED',
      );
      expect(locs(error), String(idealCycleSeconds)).toEqual(['body.idealCycleSeconds']);
    }
    error = expectError(await rest(as('mia'), 'POST', '/api/products', { code: '', name: 'X' }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.idealCycleSeconds']);
    error = expectError(
      await rest(as('mia'), 'POST', '/api/products', { code: '', name: 'X', idealCycleSeconds: 3 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details).toMatchObject([{ loc: ['body', 'code'], msg: 'Code is required' }]);
    error = expectError(
      await rest(as('mia'), 'PUT', `/api/products/${product.id}`, { idealCycleSeconds: null }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error)).toEqual(['body.idealCycleSeconds']);

    const edited = expectStatus(await rest(as('ada'), 'PUT', `/api/products/${product.id}`, { idealCycleSeconds: 11 }), 200);
    expect(edited).toMatchObject({ code: 'WID-100', idealCycleSeconds: 11 });
    expectStatus(await rest(as('mia'), 'DELETE', `/api/products/${product.id}`), 200);
    expect(expectStatus(await rest(as('vic'), 'GET', '/api/products'), 200)).toEqual([]);
    expect(expectStatus(await rest(as('vic'), 'GET', `/api/products/${product.id}`), 200)).toMatchObject({ archived: true });
  });

  test('operators and viewers read but may not change master data (403); API keys keep to their role', async () => {
    const line = expectStatus(await rest(as('mia'), 'POST', '/api/lines', { name: 'Guarded line' }), 201);
    for (const who of ['otto', 'vic'] as const) {
      expectError(await rest(as(who), 'POST', '/api/lines', { name: `By ${who}` }), 403, 'FORBIDDEN');
      expectError(await rest(as(who), 'PUT', `/api/lines/${line.id}`, { name: 'Renamed' }), 403, 'FORBIDDEN');
      expectError(await rest(as(who), 'DELETE', `/api/lines/${line.id}`), 403, 'FORBIDDEN');
      expectError(
        await rest(as(who), 'POST', '/api/products', { code: `P-${who}`, name: 'P', idealCycleSeconds: 1 }),
        403,
        'FORBIDDEN',
      );
      expect(expectStatus(await rest(as(who), 'GET', `/api/lines/${line.id}`), 200).name).toBe('Guarded line');
    }
    const refused = expectError(await rest(as('otto'), 'POST', '/api/lines', { name: 'Mine' }), 403, 'FORBIDDEN');
    expect(refused.message).toBe('Your role (Operator) cannot add lines. Ask an admin of this organization for access.');
    const operatorKey = await createKey(org.ada, org.id, 'operator');
    expectError(await rest({ key: operatorKey.key }, 'POST', '/api/lines', { name: 'By key' }), 403, 'FORBIDDEN');
    const managerKey = await createKey(org.ada, org.id, 'manager');
    expectStatus(await rest({ key: managerKey.key, as: 'header' }, 'POST', '/api/lines', { name: 'By key' }), 201);
    expect((await rest({}, 'GET', '/api/lines')).status).toBe(401);
  });

  test('another organization’s lines and products are 404s like missing ones, never listed, never changed', async () => {
    const line = expectStatus(await rest(as('mia'), 'POST', '/api/lines', { name: 'Secret line' }), 201);
    const product = expectStatus(
      await rest(as('mia'), 'POST', '/api/products', { code: 'SECRET', name: 'Secret', idealCycleSeconds: 2 }),
      201,
    );
    for (const [path, body] of [
      [`/api/lines/${line.id}`, { name: 'Taken' }],
      [`/api/products/${product.id}`, { name: 'Taken' }],
    ] as const) {
      const missing = path.replace(/[^/]+$/, '00000000-0000-4000-8000-000000000000');
      for (const [method, payload] of [
        ['GET', undefined],
        ['PUT', body],
        ['DELETE', undefined],
      ] as const) {
        const foreign = await rest(ivan(), method, path, payload);
        expectError(foreign, 404, 'NOT_FOUND');
        expect(comparable(foreign), `${method} ${path}`).toEqual(comparable(await rest(ivan(), method, missing, payload)));
      }
    }
    expect(expectStatus(await rest(ivan(), 'GET', '/api/lines?archived=all'), 200)).toEqual([]);
    expect(expectStatus(await rest(ivan(), 'GET', '/api/products?archived=all'), 200)).toEqual([]);
    // The same name and code are free in another organization.
    expectStatus(await rest(ivan(), 'POST', '/api/lines', { name: 'Secret line' }), 201);
    expectStatus(await rest(ivan(), 'POST', '/api/products', { code: 'SECRET', name: 'Theirs', idealCycleSeconds: 2 }), 201);
    expect(expectStatus(await rest(as('vic'), 'GET', `/api/lines/${line.id}`), 200)).toMatchObject({
      name: 'Secret line',
      archived: false,
    });
    expect(expectStatus(await rest(as('vic'), 'GET', `/api/products/${product.id}`), 200)).toMatchObject({ name: 'Secret' });
  });
});
