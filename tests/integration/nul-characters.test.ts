import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { mutators } from '../../sync/mutators.ts';
import { useAdminSql } from '../helpers/db.ts';
import { api, type Person } from '../helpers/people.ts';
import { createKpi, expectError, expectStatus, type RestAuth, rest, restOwner } from '../helpers/rest.ts';
import { type TestZero, useZeroClients } from '../helpers/zero-client.ts';

// Postgres text cannot hold U+0000. Every string that reaches a route or a
// mutator must be refused as bad input naming its field, never a 500.
const NUL = '\u0000';

const sql = useAdminSql();
const openZero = useZeroClients();

let owner: Person;
let orgID: string;
let me: RestAuth;
let kpiID: string;
let goalID: string;
beforeAll(async () => {
  ({ owner, orgID, me } = await restOwner());
  kpiID = (await createKpi(me)).id;
  const goal = { title: 'Grow', targetDate: '2030-01-01', kpis: [{ kpiId: kpiID, weight: 1 }] };
  goalID = expectStatus(await rest(me, 'POST', '/api/goals', goal), 201).id;
});

/** Asserts the 400 that names exactly `loc`. */
function expectNulRefused(res: Awaited<ReturnType<typeof rest>>, loc: (string | number)[]) {
  const error = expectError(res, 400, 'VALIDATION_FAILED');
  expect(error.details).toEqual([{ loc, msg: expect.stringContaining('NUL'), type: 'nul_character' }]);
}

const countKpis = async () => Number((await sql`SELECT count(*)::int AS n FROM kpi WHERE organization_id = ${orgID}`)[0]?.n);

describe('a NUL character is a 400 naming the field on every REST route', () => {
  const kpiFields = ['title', 'unit', 'description', 'category', 'ownerId', 'accountId'];

  test.each(kpiFields)('POST /api/kpis with NUL in %s', async (field) => {
    const before = await countKpis();
    const body = { title: 'Revenue', targetValue: 10, unit: '$', [field]: `a${NUL}b` };
    expectNulRefused(await rest(me, 'POST', '/api/kpis', body), ['body', field]);
    expect(await countKpis()).toBe(before);
  });

  test.each(kpiFields)('PUT /api/kpis/{id} with NUL in %s', async (field) => {
    expectNulRefused(await rest(me, 'PUT', `/api/kpis/${kpiID}`, { [field]: `${NUL}` }), ['body', field]);
    const [row] = await sql`SELECT name, unit FROM kpi WHERE id = ${kpiID}`;
    expect(row).toEqual({ name: 'Revenue', unit: '$' });
  });

  test('records, goals and API keys: every string field', async () => {
    const cases: [string, string, unknown, (string | number)[]][] = [
      ['POST', `/api/kpis/${kpiID}/records`, { value: 1, note: `x${NUL}` }, ['body', 'note']],
      ['POST', '/api/goals', { title: `G${NUL}`, targetDate: '2030-01-01' }, ['body', 'title']],
      ['POST', '/api/goals', { title: 'G', description: NUL, targetDate: '2030-01-01' }, ['body', 'description']],
      [
        'POST',
        '/api/goals',
        {
          title: 'G',
          targetDate: '2030-01-01',
          kpis: [
            { kpiId: kpiID, weight: 1 },
            { kpiId: `${kpiID}${NUL}`, weight: 1 },
          ],
        },
        ['body', 'kpis', 1, 'kpiId'],
      ],
      ['PUT', `/api/goals/${goalID}`, { title: `${NUL}Renamed` }, ['body', 'title']],
      ['POST', '/api/api-keys', { name: `key${NUL}`, role: 'viewer' }, ['body', 'name']],
    ];
    for (const [method, path, body, loc] of cases) expectNulRefused(await rest(me, method, path, body), loc);
    expect(await sql`SELECT count(*)::int AS n FROM data_point WHERE kpi_id = ${kpiID}`).toEqual([{ n: 0 }]);
    expect(await sql`SELECT title FROM goal WHERE organization_id = ${orgID}`).toEqual([{ title: 'Grow' }]);
    expect(await sql`SELECT count(*)::int AS n FROM api_key WHERE organization_id = ${orgID}`).toEqual([{ n: 0 }]);
  });

  test('path and query parameters: the parameter is named', async () => {
    const id = `${kpiID}${NUL}`;
    expectNulRefused(await rest(me, 'GET', `/api/kpis/${kpiID}%00`), ['path', 'id']);
    expectNulRefused(await rest(me, 'PUT', `/api/kpis/${encodeURIComponent(id)}`, { title: 'X' }), ['path', 'id']);
    expectNulRefused(await rest(me, 'DELETE', `/api/goals/${goalID}%00`), ['path', 'id']);
    expectNulRefused(await rest(me, 'GET', `/api/kpis/${kpiID}%00/records`), ['path', 'id']);
    expectNulRefused(await rest(me, 'GET', '/api/kpis?q=%00'), ['query', 'q']);
    expectNulRefused(await rest(me, 'GET', '/api/kpis?category=a%00'), ['query', 'category']);
  });
});

describe('a NUL character on /api/auth is refused before better-auth sees it', () => {
  test('organization and profile changes: 400 naming the field, nothing written', async () => {
    const slug = `nul-${randomUUID().slice(0, 8)}`;
    const org = await api(owner, 'POST', '/api/auth/organization/create', { name: `Org${NUL}`, slug });
    expectNulRefused(org, ['body', 'name']);
    expect(await sql`SELECT id FROM organization WHERE slug = ${slug}`).toEqual([]);
    expectNulRefused(await api(owner, 'POST', '/api/auth/update-user', { name: `Owner${NUL}` }), ['body', 'name']);
    expect(await sql`SELECT name FROM "user" WHERE id = ${owner.userID}`).toEqual([{ name: 'Owner' }]);
    const members = await api(owner, 'GET', `/api/auth/organization/list-members?organizationId=${orgID}%00`);
    expectNulRefused(members, ['query', 'organizationId']);
  });
});

describe('a NUL character in mutator arguments is refused with field issues', () => {
  type Result = Awaited<ReturnType<TestZero['mutate']>['server']>;
  const issuesOf = (res: Result) => {
    expect(res.type).toBe('error');
    const error = res.type === 'error' ? res.error : null;
    expect(error).toMatchObject({ type: 'app', details: { code: 'VALIDATION_FAILED' } });
    return (error as unknown as { details: { issues: { loc: (string | number)[]; type: string }[] } }).details.issues;
  };

  test('kpi.create, kpi.update, kpi.archive, dataPoint.add, dataPoint.import and goal.create', async () => {
    const z = openZero(owner, orgID);
    const newID = randomUUID();
    const writes: [Promise<Result>, (string | number)[]][] = [
      [z.mutate(mutators.kpi.create({ id: newID, name: `N${NUL}`, unit: '', target: 1 })).server, ['name']],
      [z.mutate(mutators.kpi.create({ id: `${newID}${NUL}`, name: 'N', unit: '', target: 1 })).server, ['id']],
      [z.mutate(mutators.kpi.update({ id: kpiID, ownerID: NUL })).server, ['ownerID']],
      [z.mutate(mutators.kpi.archive({ id: `${kpiID}${NUL}` })).server, ['id']],
      [z.mutate(mutators.dataPoint.add({ id: randomUUID(), kpiID, value: 1, note: NUL })).server, ['note']],
      [
        z.mutate(
          mutators.dataPoint.import({
            kpiID,
            rows: [
              { id: randomUUID(), value: 1, recordedAt: Date.now() },
              { id: randomUUID(), value: 2, recordedAt: Date.now(), note: `bad${NUL}` },
            ],
          }),
        ).server,
        ['rows', 1, 'note'],
      ],
      [
        z.mutate(mutators.goal.create({ id: randomUUID(), title: 'G', description: NUL, targetDate: Date.now() })).server,
        ['description'],
      ],
    ];
    for (const [write, loc] of writes) {
      expect(issuesOf(await write)).toEqual([{ loc, msg: expect.stringContaining('NUL'), type: 'nul_character' }]);
    }
    expect(await countKpis()).toBe(1);
    expect(await sql`SELECT owner_id, archived_at FROM kpi WHERE id = ${kpiID}`).toEqual([
      { owner_id: owner.userID, archived_at: null },
    ]);
    expect(await sql`SELECT count(*)::int AS n FROM data_point WHERE kpi_id = ${kpiID}`).toEqual([{ n: 0 }]);
    expect(await sql`SELECT count(*)::int AS n FROM goal WHERE organization_id = ${orgID}`).toEqual([{ n: 1 }]);
  });
});
