import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { baseUrl, nextIp, type Person, team } from '../helpers/people.ts';
import { createKey, createKpi, expectError } from '../helpers/rest.ts';

const sql = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
afterAll(() => sql.end({ timeout: 2 }));

const EVIL = 'http://evil.test';

/** A raw call with exactly these headers (the shared helper always adds our own Origin). */
async function send(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { 'x-forwarded-for': nextIp(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { code: string; message: string } } & Record<string, unknown>,
    headers: res.headers,
  };
}

/** A fresh organization, its owner, and the owner's session cookie headers. */
async function ownOrg(): Promise<{ owner: Person; orgID: string; cookie: Record<string, string> }> {
  const { owner, orgID } = await team([]);
  return { owner, orgID, cookie: { cookie: owner.cookie, 'x-organization-id': orgID } };
}

const titles = async (orgID: string) =>
  (await sql<{ name: string }[]>`SELECT name FROM kpi WHERE organization_id = ${orgID} ORDER BY name`).map((r) => r.name);

describe('cookie-authenticated REST writes must come from the app’s own origin', () => {
  test('a foreign Origin is refused (403) on POST, PUT and DELETE, and nothing changes', async () => {
    const { owner, orgID, cookie } = await ownOrg();
    const kpi = await createKpi({ person: owner, org: orgID }, { title: 'Untouched' });
    const attempts = [
      await send('POST', '/api/kpis', { ...cookie, origin: EVIL }, { title: 'Forged', targetValue: 1, unit: '' }),
      await send('PUT', `/api/kpis/${kpi.id}`, { ...cookie, origin: EVIL }, { title: 'Forged' }),
      await send('DELETE', `/api/kpis/${kpi.id}`, { ...cookie, origin: EVIL }),
      await send('POST', `/api/kpis/${kpi.id}/records`, { ...cookie, origin: EVIL }, { value: 1 }),
      await send('POST', '/api/api-keys', { ...cookie, origin: EVIL }, { name: 'stolen', role: 'admin' }),
    ];
    for (const res of attempts) {
      expectError({ ...res, body: res.body }, 403, 'FORBIDDEN');
      expect(res.body.error?.message).toMatch(/another site \(http:\/\/evil\.test\)/);
    }
    expect(await titles(orgID)).toEqual(['Untouched']);
    expect(await sql`SELECT archived_at FROM kpi WHERE id = ${kpi.id}`).toEqual([{ archived_at: null }]);
    expect(await sql`SELECT count(*)::int AS n FROM api_key WHERE organization_id = ${orgID}`).toEqual([{ n: 0 }]);
  });

  test('without Origin, Sec-Fetch-Site and Referer decide; with none of them the write is refused', async () => {
    const { orgID, cookie } = await ownOrg();
    const refused: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { referer: `${EVIL}/page` },
      { origin: 'null' },
      {},
    ];
    for (const headers of refused) {
      const res = await send('POST', '/api/kpis', { ...cookie, ...headers }, { title: 'Forged', targetValue: 1, unit: '' });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error?.code).toBe('FORBIDDEN');
    }
    const accepted: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin' },
      { referer: `${baseUrl()}/kpis/new` },
      { origin: baseUrl() },
    ];
    for (const [i, headers] of accepted.entries()) {
      const res = await send('POST', '/api/kpis', { ...cookie, ...headers }, { title: `Own ${i}`, targetValue: 1, unit: '' });
      expect(res.status, JSON.stringify(headers)).toBe(201);
    }
    expect(await titles(orgID)).toEqual(['Own 0', 'Own 1', 'Own 2']);
  });

  test('reads are not affected: a GET with a foreign Origin still answers', async () => {
    const { cookie } = await ownOrg();
    const res = await send('GET', '/api/kpis', { ...cookie, origin: EVIL });
    expect(res.status).toBe(200);
  });

  test('an API key needs no Origin (browsers never send it on their own)', async () => {
    const { owner, orgID } = await ownOrg();
    const { key } = await createKey(owner, orgID, 'manager');
    const bare = await send(
      'POST',
      '/api/kpis',
      { authorization: `Bearer ${key}` },
      { title: 'By key', targetValue: 1, unit: '' },
    );
    expect(bare.status).toBe(201);
    const foreign = await send(
      'POST',
      '/api/kpis',
      { authorization: `Bearer ${key}`, origin: EVIL },
      { title: 'By key 2', targetValue: 1, unit: '' },
    );
    expect(foreign.status).toBe(201);
    expect(await titles(orgID)).toEqual(['By key', 'By key 2']);
  });
});
