import { randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { type ApiResult, api, type Person, signUp } from '../helpers/people.ts';

const sql = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
afterAll(() => sql.end({ timeout: 2 }));

/**
 * A client address of our own in a /64 nobody else uses (3fff::/20 is the
 * IPv6 documentation prefix). better-auth counts IPv6 clients per /64, so
 * two addresses in one /64 would be one client to its rate limiter.
 */
function freshAddress(): string {
  const g = () => randomBytes(2).toString('hex');
  return `3fff:${g()}:${g()}:${g()}::1`;
}

/** How better-auth writes one of our addresses once it keeps only the /64. */
function slash64(address: string): string {
  const head = (address.split('::')[0] ?? '').split(':').map((g) => g.padStart(4, '0'));
  return [...head, '0000', '0000', '0000', '0000'].join(':');
}

/** The cookies a browser would hold after applying a response's Set-Cookie headers to `before`. */
function applySetCookies(before: string, headers: Headers): string {
  const jar = new Map(
    before
      .split('; ')
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf('=')), c] as const),
  );
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    const name = pair.slice(0, pair.indexOf('='));
    if (/max-age=0/i.test(line) || pair.endsWith('=')) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
}

/** Asserts the API's one error shape, with a request id that matches the response header. */
function expectApiError(res: ApiResult, status: number, code: string, path: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = res.body as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message', 'path', 'request_id', 'timestamp']);
  const { error } = body;
  expect(error.code).toBe(code);
  expect(error.path).toBe(path);
  expect(typeof error.message).toBe('string');
  expect(error.request_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(error.request_id).toBe(res.headers.get('x-request-id'));
  expect(Math.abs(Date.parse(String(error.timestamp)) - Date.now())).toBeLessThan(60_000);
  expect(error.details).toEqual([{ loc: [], msg: error.message, type: expect.any(String) }]);
  return error as { code: string; message: string; details: { loc: unknown[]; msg: string; type: string }[] };
}

async function sessionsOf(userID: string) {
  return sql<{ id: string; token: string; ipAddress: string | null }[]>`
    SELECT id, token, "ipAddress" FROM "session" WHERE "userId" = ${userID} ORDER BY "createdAt"`;
}

const signIn = (who: Pick<Person, 'email' | 'password'>, ip: string, password = who.password) =>
  api({ cookie: '', ip }, 'POST', '/api/auth/sign-in/email', { email: who.email, password });

describe('sign-up, sign-in and sign-out over HTTP', () => {
  test('sign-up creates the user, a hashed credential and a session stored in Postgres', async () => {
    const alice = await signUp('Alice Auth');
    expect(alice.cookie).toMatch(/better-auth\.session_token=/);

    const me = await api<{ user: { id: string; email: string; name: string }; session: { token: string; userId: string } }>(
      alice,
      'GET',
      '/api/auth/get-session',
    );
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: alice.userID, email: alice.email, name: 'Alice Auth' });
    expect(me.body.session.userId).toBe(alice.userID);

    const [user] = await sql`SELECT email, name FROM "user" WHERE id = ${alice.userID}`;
    expect(user).toEqual({ email: alice.email, name: 'Alice Auth' });
    const sessions = await sessionsOf(alice.userID);
    expect(sessions.map((s) => s.token)).toEqual([me.body.session.token]);
    const [account] = await sql<{ providerId: string; password: string }[]>`
      SELECT "providerId", password FROM account WHERE "userId" = ${alice.userID}`;
    expect(account?.providerId).toBe('credential');
    expect(account?.password).not.toContain(alice.password);
    expect(account?.password.length).toBeGreaterThan(40);
  });

  test('signing up twice with one e-mail address is refused and creates nothing', async () => {
    const alice = await signUp();
    const again = await api({ cookie: '', ip: freshAddress() }, 'POST', '/api/auth/sign-up/email', {
      name: 'Impostor',
      email: alice.email,
      password: 'another-password-1',
    });
    const error = expectApiError(again, 422, 'VALIDATION_FAILED', '/api/auth/sign-up/email');
    expect(error.details[0]?.type).toBe('USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL');
    expect(await sql`SELECT id FROM "user" WHERE email = ${alice.email}`).toHaveLength(1);
    expect(await sessionsOf(alice.userID)).toHaveLength(1);
  });

  test('sign-in with the right password starts a second session; sign-out ends exactly that one', async () => {
    const bob = await signUp();
    const ip = freshAddress();
    const res = await signIn(bob, ip);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { id: bob.userID, email: bob.email } });
    const cookie = applySetCookies('', res.headers);
    expect(cookie).toMatch(/better-auth\.session_token=/);
    const sessions = await sessionsOf(bob.userID);
    expect(sessions).toHaveLength(2);
    const signedIn = sessions[1]!;
    expect(res.body).toMatchObject({ token: signedIn.token });
    // The session records the client address the server resolved (better-auth keeps the /64).
    expect(signedIn.ipAddress).toBe(slash64(ip));

    const laptop = { cookie, ip };
    expect((await api(laptop, 'GET', '/api/auth/get-session')).body).toMatchObject({ user: { id: bob.userID } });

    const out = await api(laptop, 'POST', '/api/auth/sign-out', {});
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ success: true });
    // The browser drops its session cookies...
    expect(applySetCookies(cookie, out.headers)).toBe('');
    // ...the session row is gone...
    expect((await sessionsOf(bob.userID)).map((s) => s.id)).toEqual([sessions[0]!.id]);
    // ...and the old session token no longer opens a session, while the other session still works.
    const tokenOnly = cookie.split('; ').filter((c) => c.startsWith('better-auth.session_token='));
    expect(tokenOnly).toHaveLength(1);
    const after = await api({ cookie: tokenOnly[0]!, ip }, 'GET', '/api/auth/get-session');
    expect(after.status).toBe(200);
    expect(after.body).toBeNull();
    expect((await api({ cookie: '', ip }, 'GET', '/api/auth/get-session')).body).toBeNull();
    expect((await api(bob, 'GET', '/api/auth/get-session')).body).toMatchObject({ user: { id: bob.userID } });
  });

  test('a wrong password gives 401 in the API error shape and starts no session', async () => {
    const carol = await signUp();
    const res = await signIn(carol, freshAddress(), 'not-the-password');
    const error = expectApiError(res, 401, 'UNAUTHENTICATED', '/api/auth/sign-in/email');
    expect(error.message).toBe('Invalid email or password');
    expect(error.details[0]?.type).toBe('INVALID_EMAIL_OR_PASSWORD');
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await sessionsOf(carol.userID)).toHaveLength(1);
  });

  test('an unknown e-mail address gets the same answer as a wrong password', async () => {
    const res = await signIn({ email: `${randomUUID()}@nobody.example`, password: 'whatever-pass' }, freshAddress());
    const error = expectApiError(res, 401, 'UNAUTHENTICATED', '/api/auth/sign-in/email');
    expect(error.message).toBe('Invalid email or password');
    expect(error.details[0]?.type).toBe('INVALID_EMAIL_OR_PASSWORD');
  });

  test('without a session, get-session is null and session-only endpoints are 401', async () => {
    const anonymous = { cookie: '', ip: freshAddress() };
    const res = await api(anonymous, 'GET', '/api/auth/get-session');
    expect(res.status).toBe(200);
    expect(res.body).toBeNull();
    const list = await api(anonymous, 'GET', '/api/auth/organization/list');
    expectApiError(list, 401, 'UNAUTHENTICATED', '/api/auth/organization/list');
  });
});

describe('sign-in rate limit', () => {
  test('the 11th sign-in within a minute from one address is 429 with a retry header; another address is still let in', async () => {
    const dave = await signUp();
    const address = freshAddress();
    for (let i = 1; i <= 10; i++) {
      const attempt = await signIn(dave, address, `wrong-password-${i}`);
      expect(attempt.status, `attempt ${i}`).toBe(401);
    }
    // Even the right password is refused now.
    const eleventh = await signIn(dave, address);
    const error = expectApiError(eleventh, 429, 'RATE_LIMITED', '/api/auth/sign-in/email');
    const retry = Number(eleventh.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(eleventh.headers.get('x-retry-after')).toBe(String(retry));
    expect(error.message).toBe(`Too many attempts. Wait ${retry} seconds and try again.`);
    expect(eleventh.headers.getSetCookie()).toEqual([]);
    expect(await sessionsOf(dave.userID)).toHaveLength(1);

    // The count lives in Postgres, keyed by the client's /64 and the path.
    const [row] = await sql<{ count: number }[]>`
      SELECT count FROM "rateLimit" WHERE key = ${`${slash64(address)}|/sign-in/email`}`;
    expect(row?.count).toBe(10);

    const elsewhere = await signIn(dave, freshAddress());
    expect(elsewhere.status).toBe(200);
    expect(await sessionsOf(dave.userID)).toHaveLength(2);
  });

  test('a client cannot dodge the limit by sending its own client-address header', async () => {
    const erin = await signUp();
    const address = freshAddress();
    for (let i = 1; i <= 10; i++) {
      const attempt = await api({ cookie: '', ip: address }, 'POST', '/api/auth/sign-in/email', {
        email: erin.email,
        password: 'wrong-password',
      });
      expect(attempt.status, `attempt ${i}`).toBe(401);
    }
    // The server overwrites x-kpi-client-ip from the socket / trusted proxy chain.
    const forged = await api(
      { cookie: '', ip: address },
      'POST',
      '/api/auth/sign-in/email',
      { email: erin.email, password: erin.password },
      { 'x-kpi-client-ip': freshAddress() },
    );
    expect(forged.status).toBe(429);
  });
});

describe('cross-site requests', () => {
  test('a POST with a valid cookie from a foreign Origin is refused and changes nothing', async () => {
    const frank = await signUp();
    const slug = `evil-${randomUUID().slice(0, 8)}`;
    const evil = { origin: 'http://evil.test' };

    const create = await api(frank, 'POST', '/api/auth/organization/create', { name: 'Evil', slug }, evil);
    const error = expectApiError(create, 403, 'FORBIDDEN', '/api/auth/organization/create');
    expect(error.details[0]?.type).toBe('INVALID_ORIGIN');
    expect(await sql`SELECT id FROM organization WHERE slug = ${slug}`).toEqual([]);

    const out = await api(frank, 'POST', '/api/auth/sign-out', {}, evil);
    expectApiError(out, 403, 'FORBIDDEN', '/api/auth/sign-out');
    expect(await sessionsOf(frank.userID)).toHaveLength(1);
    expect((await api(frank, 'GET', '/api/auth/get-session')).body).toMatchObject({ user: { id: frank.userID } });

    // The same request from the app's own origin goes through.
    const own = await api(frank, 'POST', '/api/auth/organization/create', { name: 'Own', slug });
    expect(own.status).toBe(200);
    expect(await sql`SELECT id FROM organization WHERE slug = ${slug}`).toHaveLength(1);
  });

  test('a cookie-bearing POST without any Origin or Referer is refused', async () => {
    const gina = await signUp();
    const slug = `no-origin-${randomUUID().slice(0, 8)}`;
    const res = await fetch(`${inject('stack').url}/api/auth/organization/create`, {
      method: 'POST',
      headers: { cookie: gina.cookie, 'x-forwarded-for': gina.ip, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'No origin', slug }),
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; details: { type: string }[] } };
    expect(body.error.code).toBe('FORBIDDEN');
    expect(body.error.details[0]?.type).toBe('MISSING_OR_NULL_ORIGIN');
    expect(await sql`SELECT id FROM organization WHERE slug = ${slug}`).toEqual([]);
  });
});
