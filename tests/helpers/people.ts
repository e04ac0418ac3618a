import { randomUUID } from 'node:crypto';
import { beforeAll } from 'vitest';
import { stackInfo } from './stack-info.ts';

export interface Person {
  name: string;
  email: string;
  password: string;
  userID: string;
  /** Cookie header value carrying the better-auth session. */
  cookie: string;
  /** The address this person appears to come from (X-Forwarded-For via the trusted loopback proxy). */
  ip: string;
}

// Each test person gets a distinct address from the benchmarking range
// 198.18.0.0/15 (RFC 2544; a header value only, nothing is sent there). The
// start is spread by process so parallel test workers do not collide.
let counter = (process.pid * 7919) % 100_000;
export function nextIp(): string {
  counter = (counter + 1) % 131_072;
  return `198.${18 + (counter >> 16)}.${(counter >> 8) & 255}.${counter & 255}`;
}

export function baseUrl(): string {
  return stackInfo().url;
}

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the API as `who` (cookie + client address + same-site Origin). */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies; callers narrow with a type argument when it matters
export async function api<T = any>(
  who: Pick<Person, 'cookie' | 'ip'> | null,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { origin: baseUrl(), ...extraHeaders };
  if (who?.cookie) headers.cookie = who.cookie;
  headers['x-forwarded-for'] = who?.ip ?? nextIp();
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl()}${pathAndQuery}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  return answerOf<T>(res);
}

/** A response as tests read it: the status, the body as JSON (or text when it is not JSON), the headers. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
export async function answerOf<T = any>(res: Response): Promise<ApiResult<T>> {
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** The Cookie header a browser would send after a response's Set-Cookie headers. */
export function cookieHeader(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c): c is string => Boolean(c))
    .join('; ');
}

/** Signs up a new person through the real auth endpoint. */
export async function signUp(name = `Tester ${randomUUID().slice(0, 6)}`): Promise<Person> {
  const email = `${randomUUID()}@test.example`;
  const password = 'correct-horse-battery';
  const ip = nextIp();
  const res = await api<{ user: { id: string } }>({ cookie: '', ip }, 'POST', '/api/auth/sign-up/email', {
    name,
    email,
    password,
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { name, email, password, ip, userID: res.body.user.id, cookie: cookieHeader(res.headers) };
}

/** Creates an organization owned by `owner` and makes it their active one. */
export async function createOrg(owner: Person, name = `Org ${randomUUID().slice(0, 8)}`): Promise<string> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomUUID().slice(0, 6)}`;
  const res = await api<{ id: string }>(owner, 'POST', '/api/auth/organization/create', { name, slug });
  if (res.status !== 200) throw new Error(`create org failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Invites `person` with `role` and has them accept, the way the invite link does. */
export async function addMember(owner: Person, orgID: string, person: Person, role: string): Promise<string> {
  const inv = await api<{ id: string }>(owner, 'POST', '/api/auth/organization/invite-member', {
    email: person.email,
    role,
    organizationId: orgID,
  });
  if (inv.status !== 200) throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`);
  const acc = await api<{ member: { id: string } }>(person, 'POST', '/api/auth/organization/accept-invitation', {
    invitationId: inv.body.id,
  });
  if (acc.status !== 200) throw new Error(`accept failed: ${acc.status} ${JSON.stringify(acc.body)}`);
  return acc.body.member.id;
}

/** A fresh organization with an owner and one person per extra role. */
export async function team<R extends string>(roles: R[]): Promise<{ orgID: string; owner: Person } & Record<R, Person>> {
  const owner = await signUp('Owner');
  const orgID = await createOrg(owner);
  const out: Record<string, Person> = {};
  for (const role of roles) {
    const p = await signUp(role);
    await addMember(owner, orgID, p, role);
    out[role] = p;
  }
  return { orgID, owner, ...(out as Record<R, Person>) };
}

/** An organization and its people by key; see useOrg. */
export type Org<N extends string> = { readonly id: string } & { readonly [K in N]: Person };

/**
 * Makes an organization called `name` with a new person per entry of
 * `people` (key -> role), each named after their key, capitalized ("alice"
 * is "Alice"): the one whose role is 'owner' creates it, the others then join
 * it with their role by invitation.
 */
export async function orgWithPeople<N extends string>(name: string, people: Record<N, string>): Promise<Org<N>> {
  const entries = Object.entries<string>(people);
  const owners = entries.filter(([, role]) => role === 'owner');
  if (owners.length !== 1) throw new Error(`orgWithPeople('${name}'): name exactly one person whose role is 'owner'`);
  if ('id' in people) throw new Error(`orgWithPeople('${name}'): "id" is the organization's; name the person otherwise`);
  const signedUp = await Promise.all(entries.map(([key]) => signUp(key.charAt(0).toUpperCase() + key.slice(1))));
  const byKey = Object.fromEntries(entries.map(([key], i) => [key, signedUp[i] as Person]));
  const [ownerKey] = owners[0] as [string, string];
  const owner = byKey[ownerKey] as Person;
  const id = await createOrg(owner, name);
  for (const [key, role] of entries) if (key !== ownerKey) await addMember(owner, id, byKey[key] as Person, role);
  return { ...byKey, id } as Org<N>;
}

/**
 * orgWithPeople for the tests of the calling file or describe block: made
 * before them (in beforeAll). Read `org.id` and `org.<key>` in a test or a
 * later hook. Call it while the tests are collected (at the top of the file
 * or in a describe callback).
 */
export function useOrg<N extends string>(name: string, people: Record<N, string>): Org<N> {
  let made: Org<N> | undefined;
  beforeAll(async () => {
    made = await orgWithPeople(name, people);
  });
  const org = {};
  for (const key of ['id', ...Object.keys(people)]) {
    Object.defineProperty(org, key, {
      enumerable: true,
      get() {
        if (!made) throw new Error(`useOrg('${name}') is made in beforeAll: read it in a test or a later hook`);
        return made[key as keyof Org<N>];
      },
    });
  }
  return org as Org<N>;
}
