import type { Sql } from 'postgres';
import type { Role } from '../../shared/roles.ts';
import type { ZeroContext } from '../../sync/context.ts';
import type { Auth } from '../auth/auth.ts';
import type { ChatDeps } from '../chat/answer.ts';
import type { PostCommit } from '../mutators/post-commit.ts';
import type { DbProvider } from '../zero/db-provider.ts';

export interface RestDeps {
  auth: Auth;
  /** Transactions on the app pool (kpi_app): every read and write runs under row-level security. */
  dbProvider: DbProvider;
  /**
   * The admin pool (the table owner). Only for finding an API key by its hash,
   * which has to happen before any tenant context exists.
   */
  adminSql: Sql;
  /** Receives each committed write's post-commit tasks (the job queue). */
  postCommit: PostCommit;
  /** The AI chat: its model and limits, and the app pool its tools read through as the asker. */
  chat: ChatDeps;
}

/** Who is calling, resolved from the session cookie or an API key; never from the body. */
export interface Caller {
  userID: string;
  orgID: string;
  /** An API key's role: a ceiling on its creator's role. */
  roleLimit?: Role | undefined;
  via: 'session' | 'apiKey';
}

export type RestEnv = { Variables: { caller: Caller } };

/** The mutators' context for this caller. */
export function mutatorContext(caller: Caller): ZeroContext {
  return { userID: caller.userID, orgID: caller.orgID, roleLimit: caller.roleLimit };
}
