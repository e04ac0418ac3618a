import type { Context } from 'hono';
import { AppError } from '../../shared/errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function fromAnotherSite(origin: string): AppError {
  return new AppError(
    'FORBIDDEN',
    `This request came from another site (${origin}). A signed-in session can only change data from the app itself; scripts should use an API key.`,
  );
}

/**
 * Refuses a cookie-authenticated write that another site made (CSRF): a
 * browser attaches the session cookie whichever page sends the request, so
 * the cookie alone proves nothing. Where the request was made comes from
 * Origin; without it from Sec-Fetch-Site, then Referer, as hono/csrf and
 * Django read them; a write that names none is refused, as better-auth
 * refuses it on /api/auth. `trusted` is the auth config's trusted origins
 * (PUBLIC_URL, the localhost variants, the dev server).
 *
 * hono/csrf itself does not fit: it checks only the content types an HTML
 * form can send, and every write here is JSON or has no body.
 */
export function assertTrustedOrigin(c: Context, trusted: readonly string[]): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    if (trusted.includes(origin)) return;
    throw fromAnotherSite(origin);
  }
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) {
    if (site === 'same-origin') return;
    throw fromAnotherSite(`Sec-Fetch-Site: ${site}`);
  }
  const referer = c.req.header('referer');
  if (referer !== undefined) {
    const from = originOf(referer);
    if (from !== null && trusted.includes(from)) return;
    throw fromAnotherSite(from ?? 'an unreadable Referer');
  }
  throw new AppError(
    'FORBIDDEN',
    'This request does not say which site it came from (no Origin or Referer header). A signed-in session can only change data from the app itself; scripts should use an API key.',
  );
}
