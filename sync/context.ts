import type { Role } from '../shared/roles.ts';
import type { schema } from './schema.ts';

/**
 * What queries and mutators know about the caller. On the server it is built
 * from the session cookie and the organization header, never from arguments;
 * on the client it mirrors the same values for optimistic runs.
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
}

declare module '@rocicorp/zero' {
  interface DefaultTypes {
    schema: typeof schema;
    context: ZeroContext;
  }
}
