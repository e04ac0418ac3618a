import type { Context } from 'hono';
import { AppError } from '../../shared/errors.ts';
import type { Auth } from './auth.ts';

export type SessionInfo = NonNullable<Awaited<ReturnType<Auth['api']['getSession']>>>;

/**
 * The signed-in person behind a request, or a 401 AppError. Reads the session
 * row itself (not the signed cookie cache), so a signed-out or revoked
 * session stops syncing at once rather than up to a minute later.
 */
export async function requireSession(auth: Auth, c: Context): Promise<SessionInfo> {
  const session = await findSession(auth, c.req.raw.headers);
  if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return session;
}

/** The session behind these request headers, read from its row; null when signed out. */
export function findSession(auth: Auth, headers: Headers): Promise<SessionInfo | null> {
  return auth.api.getSession({ headers, query: { disableCookieCache: true } });
}
