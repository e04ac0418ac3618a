import type { Role } from '../shared/roles.ts';
import type { schema } from './schema.ts';

/**
 * What queries and mutators know about the caller. On the server it is built
 * from the session cookie (or API key) and the organization header, never
 * from arguments; on the client it mirrors the same values for optimistic runs.
 *
 * It carries no membership on purpose. zero-cache keeps a synced query's
 * transform for minutes (ZERO_AUTH_RETRANSFORM_INTERVAL_SECONDS, 300 s), so
 * roles resolved into the context when /query ran would keep a removed
 * member's rows flowing, and keep a new member's away, until the next
 * transform. Reads join through the members table instead (sync/tenant.ts),
 * which follows every membership change at once, on the server and on the
 * client alike; mutators look the caller's role up inside their transaction
 * (sync/permissions.ts). The join is cheap: `npm run bench:sync` with the
 * floor-join target (raw Zero with and without the same join, 50 readers)
 * shows no measurable cost.
 */
export interface ZeroContext {
  userID: string;
  /** The organization the client is working in (header x-organization-id). */
  orgID: string | null;
  /**
   * Server only: a ceiling on the caller's role, for API keys, which act for
   * the admin who made them but only with the role the key was given.
   */
  roleLimit?: Role | undefined;
  /**
   * Set instead of a member for a wall screen opened with a dashboard's
   * read-only share link: the link's id, checked against its token by the
   * server. Only the share queries read with it (sync/queries/shared-dashboard.ts).
   */
  share?: { id: string } | undefined;
}

/**
 * The header that names the organization a request works in: the web app and
 * Zero's mutate requests send it (zero-cache forwards it), and the server's
 * /mutate and REST endpoints read it.
 */
export const ORG_HEADER = 'x-organization-id';

declare module '@rocicorp/zero' {
  interface DefaultTypes {
    schema: typeof schema;
    context: ZeroContext;
  }
}
