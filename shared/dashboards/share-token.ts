/**
 * A dashboard share link's token: `lks_<link id>_<32 random bytes, base64url>`.
 * The server proves it against its stored hash (server/dashboards/share-tokens.ts);
 * the wall screen's page reads the link id from it to ask for its link.
 */
export const SHARE_TOKEN_PREFIX = 'lks_';

/** The link id a token names (not yet proven), or null when it is not shaped like one. */
export function shareIDOf(token: string): string | null {
  return /^lks_([0-9a-f-]{36})_[A-Za-z0-9_-]{43}$/.exec(token)?.[1] ?? null;
}
