import { betterAuth } from 'better-auth';
import { organization } from 'better-auth/plugins';
import { PostgresJSDialect } from 'kysely-postgres-js';
import type { Sql } from 'postgres';
import { type Env, publicUrl } from '../env.ts';
import { ac, authRoles } from './access-control.ts';

/** Header the server sets from the socket address (or a trusted proxy); clients cannot forge it. */
export const CLIENT_IP_HEADER = 'x-kpi-client-ip';

export interface AuthConfig {
  env: Env;
  sql: Sql;
  secret: string;
  /** Extra origins allowed to call the auth endpoints (the Vite dev server). */
  extraOrigins?: string[];
}

export function createAuth({ env, sql, secret, extraOrigins = [] }: AuthConfig) {
  const baseURL = publicUrl(env);
  const local = [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
  const google =
    env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
      ? { google: { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET } }
      : undefined;
  return betterAuth({
    appName: 'Live KPI',
    baseURL,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [...new Set([baseURL, ...local, ...extraOrigins])],
    database: { dialect: new PostgresJSDialect({ postgres: sql }), type: 'postgres' },
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    ...(google ? { socialProviders: google } : {}),
    session: {
      // Short cache: zero-cache re-checks sessions often, and a revoked
      // session should stop syncing within a minute.
      cookieCache: { enabled: true, maxAge: 60 },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/sign-up/email': { window: 60, max: 10 },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
    plugins: [
      organization({
        ac,
        roles: authRoles,
        creatorRole: 'owner',
        allowUserToCreateOrganization: true,
        invitationExpiresIn: 7 * 24 * 3600,
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
