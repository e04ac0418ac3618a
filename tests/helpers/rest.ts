import { expect } from 'vitest';
import type { ErrorBody } from '../../server/http/errors.ts';
import { type ApiResult, api, createOrg, type Person, signUp } from './people.ts';

/** How a REST call authenticates: a person's session (optionally naming the organization), or an API key. */
export type RestAuth =
  | { person: Person; org?: string }
  | { key: string; as?: 'bearer' | 'header' }
  | { person?: undefined; key?: undefined };

/** Calls the REST API. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
export function rest<T = any>(auth: RestAuth, method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if ('key' in auth && auth.key !== undefined) {
    if (auth.as === 'header') headers['x-api-key'] = auth.key;
    else headers.authorization = `Bearer ${auth.key}`;
  }
  if ('org' in auth && auth.org) headers['x-organization-id'] = auth.org;
  const who = 'person' in auth && auth.person ? auth.person : null;
  return api<T>(who, method, path, body, headers);
}

/** Expects `res` to have answered `status` (its body is shown when not) and returns the body. */
export function expectStatus<T>(res: ApiResult<T>, status: number): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** Asserts the API's one error shape and returns its `error` part. */
export function expectError(res: ApiResult, status: number, code: string): ErrorBody['error'] {
  expect({ status: res.status, code: (res.body as Partial<ErrorBody> | null)?.error?.code }).toEqual({ status, code });
  const error = (res.body as ErrorBody).error;
  expect(error).toMatchObject({ message: expect.any(String), details: expect.any(Array), request_id: expect.any(String) });
  expect(Number.isNaN(Date.parse(error.timestamp))).toBe(false);
  return error;
}

/** The parts of an error that must not depend on whether the thing exists elsewhere. */
export function comparable(res: ApiResult) {
  const { code, message, details } = (res.body as ErrorBody).error;
  return { status: res.status, code, message, details };
}

/** Creates a KPI through the API as `auth` and returns its JSON. */
export async function createKpi(auth: RestAuth, fields: Record<string, unknown> = {}) {
  const res = await rest(auth, 'POST', '/api/kpis', { title: 'Revenue', targetValue: 1000, unit: '$', ...fields });
  if (res.status !== 201) throw new Error(`create KPI failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; title: string; status: string; [k: string]: unknown };
}

/** Makes an API key as `owner` (signed in) with `role`; returns the JSON including the secret. */
export async function createKey(owner: Person, orgID: string, role: string, name = `key ${role}`) {
  const res = await rest({ person: owner, org: orgID }, 'POST', '/api/api-keys', { name, role });
  if (res.status !== 201) throw new Error(`create key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; key: string; prefix: string; role: string; name: string };
}

/** A fresh organization and its owner; `me` calls the REST API as the owner, signed in, in that organization. */
/** A read-only share link of a dashboard, made through REST as `admin`. */
export async function createShareLink(admin: Person, orgID: string, dashboardID: string, body: Record<string, unknown> = {}) {
  const res = await rest({ person: admin, org: orgID }, 'POST', `/api/dashboards/${dashboardID}/share`, body);
  if (res.status !== 201) throw new Error(`create share link failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; url: string; token: string; expiresAt: string | null };
}

export interface RestOwner {
  owner: Person;
  orgID: string;
  me: { person: Person; org: string };
}

/** Signs up a person (`name`) who creates an organization of their own, for `rest(me, ...)`. */
export async function restOwner(name = 'Owner'): Promise<RestOwner> {
  const owner = await signUp(name);
  const orgID = await createOrg(owner);
  return { owner, orgID, me: { person: owner, org: orgID } };
}

/** As restOwner, and the owner makes an API key with `role` in the organization: `key` is its secret, for `rest({ key }, ...)`. */
export async function restOwnerWithKey(role = 'manager'): Promise<RestOwner & { key: string }> {
  const org = await restOwner();
  return { ...org, key: (await createKey(org.owner, org.orgID, role)).key };
}
