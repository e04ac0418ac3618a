import { Hono } from 'hono';
import { nulIssues, summarize } from '../../shared/validation.ts';
import { clientIp } from '../http/client-ip.ts';
import { apiError, codeForStatus, errorBody } from '../http/errors.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';
import { authActor } from './membership-audit.ts';
import { findSession } from './session.ts';

/**
 * The shared input rule (no NUL in any string) on what better-auth will be
 * handed: its query and JSON body. better-auth would pass a NUL on to
 * Postgres, which refuses it with a 500.
 */
function nulInRequest(url: string, body: ArrayBuffer | undefined) {
  const query = Object.fromEntries(new URL(url).searchParams);
  let json: unknown;
  try {
    json = body ? JSON.parse(new TextDecoder().decode(body)) : undefined;
  } catch {
    json = undefined; // not JSON: better-auth answers that itself
  }
  return [...nulIssues(query, ['query']), ...nulIssues(json, ['body'])];
}

/**
 * better-auth mounted at /api/auth/*. The client address header is set here
 * (overwriting anything the client sent) so rate limits count per client, and
 * better-auth's error bodies are reshaped into the API's one error shape.
 */
export function authRoutes(auth: Auth, trustProxy: readonly string[]) {
  const app = new Hono();
  app.on(['GET', 'POST'], '/*', async (c) => {
    const raw = c.req.raw;
    const headers = new Headers(raw.headers);
    headers.set(CLIENT_IP_HEADER, clientIp(c, trustProxy));
    const body = raw.method === 'GET' || raw.method === 'HEAD' ? undefined : await raw.arrayBuffer();
    const nul = nulInRequest(raw.url, body);
    if (nul.length > 0) return apiError(c, 'VALIDATION_FAILED', summarize(nul), nul);
    const request = new Request(raw.url, { method: raw.method, headers, body });
    // Organization changes are audited by better-auth hooks, which need to know who is acting.
    const actingOnOrganization = raw.method === 'POST' && c.req.path.includes('/organization/');
    const res = actingOnOrganization
      ? await authActor.run(
          {
            userID: (await findSession(auth, raw.headers))?.user.id ?? null,
            source: `auth:POST ${c.req.path.replace(/^\/api/, '')}`,
          },
          () => auth.handler(request),
        )
      : await auth.handler(request);
    if (res.status < 400) return res;
    const text = await res.text();
    let parsed: { code?: string; message?: string } = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { message: text };
    }
    // better-auth answers some wrong-role refusals (e.g. remove-member) with
    // 401, which tells the web app to sign in again; they are 403s.
    const status = res.status === 401 && /^(YOU_ARE_NOT_|USER_IS_NOT_A_MEMBER)/.test(parsed.code ?? '') ? 403 : res.status;
    const code = codeForStatus(status);
    const message =
      status === 429
        ? `Too many attempts. Wait ${res.headers.get('x-retry-after') ?? 'a minute'} seconds and try again.`
        : parsed.message || res.statusText || 'Request failed';
    const out = c.json(errorBody(c, code, message, [{ loc: [], msg: message, type: parsed.code ?? code }]), status as 400);
    const retry = res.headers.get('x-retry-after');
    if (retry) {
      out.headers.set('retry-after', retry);
      out.headers.set('x-retry-after', retry);
    }
    for (const cookie of res.headers.getSetCookie()) out.headers.append('set-cookie', cookie);
    return out;
  });
  return app;
}
