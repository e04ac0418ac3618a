import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { api, cookieHeader, createOrg, signUp } from '../helpers/people.ts';

const sql = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
afterAll(() => sql.end({ timeout: 2 }));

describe('a signed-out session', () => {
  test('its old cookies do nothing anywhere: auth endpoints, session reads and REST writes', async () => {
    const person = await signUp('Leaving Lee');
    const orgID = await createOrg(person);
    // A second session, as a second device would hold it: every cookie the sign-in set
    // (the session token and, when better-auth caches sessions in a cookie, the signed cache).
    const signIn = await api({ cookie: '', ip: person.ip }, 'POST', '/api/auth/sign-in/email', {
      email: person.email,
      password: person.password,
    });
    expect(signIn.status).toBe(200);
    const laptop = { cookie: cookieHeader(signIn.headers), ip: person.ip };
    expect((await api(laptop, 'GET', '/api/auth/get-session')).body).toMatchObject({ user: { id: person.userID } });

    expect((await api(laptop, 'POST', '/api/auth/sign-out', {})).status).toBe(200);

    const slug = `after-sign-out-${randomUUID().slice(0, 8)}`;
    const create = await api(laptop, 'POST', '/api/auth/organization/create', { name: 'Ghost org', slug });
    expect(create.status).toBe(401);
    const rename = await api(laptop, 'POST', '/api/auth/update-user', { name: 'Renamed by a ghost' });
    expect(rename.status).toBe(401);
    const session = await api(laptop, 'GET', '/api/auth/get-session');
    expect(session.status).toBe(200);
    expect(session.body).toBeNull();
    const write = await api(
      laptop,
      'POST',
      '/api/kpis',
      { title: 'Ghost KPI', targetValue: 1, unit: '' },
      { 'x-organization-id': orgID },
    );
    expect(write.status).toBe(401);
    expect(write.body.error.code).toBe('UNAUTHENTICATED');

    expect(await sql`SELECT id FROM organization WHERE slug = ${slug}`).toEqual([]);
    expect(await sql`SELECT name FROM "user" WHERE id = ${person.userID}`).toEqual([{ name: 'Leaving Lee' }]);
    expect(await sql`SELECT id FROM kpi WHERE organization_id = ${orgID}`).toEqual([]);
    // The session that was not signed out still works.
    expect((await api(person, 'GET', '/api/auth/get-session')).body).toMatchObject({ user: { id: person.userID } });
  });
});
