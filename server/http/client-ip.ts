import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

function normalize(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

function isTrusted(ip: string, trusted: readonly string[]): boolean {
  return trusted.some((t) => (t === 'loopback' ? ip === '::1' || ip.startsWith('127.') : t === ip));
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted
 * proxy (TRUST_PROXY), the nearest untrusted hop of X-Forwarded-For.
 * Clients cannot choose it otherwise, which is what makes rate limits hold.
 */
export function clientIp(c: Context, trusted: readonly string[]): string {
  let remote = '';
  try {
    remote = normalize(getConnInfo(c).remote.address ?? '');
  } catch {
    // app.request() in tests has no socket.
  }
  if (!remote || !isTrusted(remote, trusted)) return remote || 'unknown';
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => normalize(h.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop && !isTrusted(hop, trusted)) return hop;
  }
  return remote;
}
