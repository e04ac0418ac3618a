import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { api, nextIp, signUp } from '../helpers/people.ts';

const sql = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
afterAll(() => sql.end({ timeout: 2 }));

const signUpWith = (password: string, email = `${randomUUID()}@test.example`) =>
  api({ cookie: '', ip: nextIp() }, 'POST', '/api/auth/sign-up/email', { name: 'Pat', email, password });

describe('weak passwords are refused at sign-up', () => {
  test.each([
    ['password', 'PASSWORD_TOO_COMMON', /too common or too easy to guess/],
    ['12345678', 'PASSWORD_TOO_COMMON', /too common or too easy to guess/],
    ['        ', 'PASSWORD_BLANK', /cannot be only spaces/],
  ])('%j: 400 with a message, and no account', async (password, type, message) => {
    const email = `${randomUUID()}@test.example`;
    const res = await signUpWith(password, email);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details).toEqual([{ loc: [], msg: res.body.error.message, type }]);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await sql`SELECT id FROM "user" WHERE email = ${email}`).toEqual([]);
  });

  test('a password made of the person’s own e-mail address is too easy to guess', async () => {
    const email = `pat.${randomUUID().slice(0, 6)}@test.example`;
    const res = await signUpWith(email, email);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].type).toBe('PASSWORD_TOO_COMMON');
  });

  test('a good password is accepted', async () => {
    const email = `${randomUUID()}@test.example`;
    const res = await signUpWith('violet-lantern-harbour', email);
    expect(res.status).toBe(200);
    expect(await sql`SELECT email FROM "user" WHERE email = ${email}`).toEqual([{ email }]);
  });

  test('changing to a weak password is refused too, and the old one still works', async () => {
    const person = await signUp();
    const res = await api(person, 'POST', '/api/auth/change-password', {
      currentPassword: person.password,
      newPassword: 'qwertyuiop',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].type).toBe('PASSWORD_TOO_COMMON');
    const again = await api({ cookie: '', ip: nextIp() }, 'POST', '/api/auth/sign-in/email', {
      email: person.email,
      password: person.password,
    });
    expect(again.status).toBe(200);
  });
});
