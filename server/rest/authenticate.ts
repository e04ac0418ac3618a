import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../shared/errors.ts';
import { ORG_HEADER } from '../../sync/context.ts';
import { membershipOf } from '../../sync/tenant.ts';
import { requireSession } from '../auth/session.ts';
import { isShareToken } from '../dashboards/share-tokens.ts';
import { findActiveKey } from './api-keys/secrets.ts';
import type { Caller, RestDeps, RestEnv } from './context.ts';
import { readInTenant } from './tenant.ts';
import { assertTrustedOrigin } from './trusted-origin.ts';

/**
 * The key from `Authorization: Bearer ...` or `X-API-Key: ...`; null when neither is sent. Other
 * Authorization schemes (a proxy's Basic auth) are left alone and the session cookie decides.
 */
function presentedKey(c: Context): string | null {
  const bearer = /^Bearer\s+(.*)$/i.exec(c.req.header('authorization') ?? '');
  if (bearer) return bearer[1]?.trim() ?? '';
  return c.req.header('x-api-key') ?? null;
}

async function keyCaller(deps: RestDeps, key: string): Promise<Caller> {
  if (isShareToken(key)) {
    throw new AppError('UNAUTHENTICATED', 'A share link shows one dashboard on a screen; it cannot use the API. Use an API key.');
  }
  const found = await findActiveKey(deps.adminSql, key);
  // One answer for unknown, revoked and orphaned keys: nothing to learn by guessing.
  if (!found) throw new AppError('UNAUTHENTICATED', 'This API key is not valid. It may have been revoked.');
  // A key belongs to one organization; X-Organization-Id cannot move it.
  return { userID: found.userID, orgID: found.orgID, roleLimit: found.role, via: 'apiKey' };
}

async function sessionCaller(deps: RestDeps, c: Context): Promise<Caller> {
  const session = await requireSession(deps.auth, c);
  assertTrustedOrigin(c, deps.auth.options.trustedOrigins);
  const orgID = c.req.header(ORG_HEADER) || session.session.activeOrganizationId;
  if (!orgID) {
    throw new AppError('BAD_REQUEST', 'Choose an organization: send its id in the X-Organization-Id header.');
  }
  const caller: Caller = { userID: session.user.id, orgID, via: 'session' };
  // Not a member looks exactly like "no such organization".
  const membership = await readInTenant(deps, caller, (tx) => tx.run(membershipOf(orgID, caller.userID)));
  if (!membership) throw new AppError('NOT_FOUND', 'Organization not found.');
  return caller;
}

/**
 * Resolves the caller once per request: an API key when one is presented
 * (a bad key is a 401 even with a session cookie alongside), else the
 * session cookie. The organization comes from the key, or for a session from
 * X-Organization-Id, else the session's active organization.
 *
 * A session's writes must come from the app's own origin (trusted-origin.ts);
 * an API key is never sent by a browser on its own, so a key needs none.
 */
export function authenticate(deps: RestDeps, opts: { sessionOnly?: boolean } = {}): MiddlewareHandler<RestEnv> {
  return async (c, next) => {
    // Sub-apps mounted under another's path (/accounts/{id}/uploads under /accounts)
    // both run their plumbing on one request: the caller is resolved once.
    if (c.get('caller') && !opts.sessionOnly) return next();
    const key = presentedKey(c);
    if (key !== null && opts.sessionOnly) {
      await keyCaller(deps, key); // a bad key is still a 401
      throw new AppError('FORBIDDEN', 'API keys cannot manage API keys; sign in as an owner or admin.');
    }
    c.set('caller', key !== null ? await keyCaller(deps, key) : await sessionCaller(deps, c));
    await next();
  };
}
