import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { organization } from 'better-auth/plugins';
import { PostgresJSDialect } from 'kysely-postgres-js';
import type { Sql } from 'postgres';
import { isRole, ROLES } from '../../shared/roles.ts';
import { type Env, publicUrl } from '../env.ts';
import { ac, authRoles } from './access-control.ts';
import { type InvitationMailDeps, invitationMailer } from './invitation-mail.ts';
import { membershipAuditHooks } from './membership-audit.ts';
import { passwordPolicy } from './password-policy.ts';

/** Header the server sets from the socket address (or a trusted proxy); clients cannot forge it. */
export const CLIENT_IP_HEADER = 'x-kpi-client-ip';

export interface AuthConfig {
  env: Env;
  sql: Sql;
  secret: string;
  /** Extra origins allowed to call the auth endpoints (the Vite dev server). */
  extraOrigins?: string[];
  /** Invitations are e-mailed through it (server/mail/); without it, only the link the inviter copies. */
  mail?: Omit<InvitationMailDeps, 'appUrl'> | undefined;
}

/**
 * better-auth also knows its default "member" role and comma-joined role
 * lists ("viewer,admin"); shared/roles.ts and the RLS policies know exactly
 * one of our five roles per member, so anything else is refused up front.
 */
async function assertOneOfOurRoles(role: string): Promise<void> {
  if (isRole(role)) return;
  throw APIError.from('BAD_REQUEST', {
    code: 'ROLE_NOT_FOUND',
    message: `Unknown role "${role}". Use one of: ${ROLES.join(', ')}.`,
  });
}

export function createAuth({ env, sql, secret, extraOrigins = [], mail }: AuthConfig) {
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
    hooks: { before: passwordPolicy },
    ...(google ? { socialProviders: google } : {}),
    session: {
      // No signed session cache in a cookie: with one, a signed-out or
      // revoked session's old cookies kept working on /api/auth/* until the
      // cache expired. Every session read goes to the session row instead.
      cookieCache: { enabled: false },
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
      // better-auth turns its Origin/CSRF check off when NODE_ENV=test (as
      // under vitest) unless these are set: keep it on everywhere, so a
      // cookie-bearing POST from a foreign origin is refused in every mode.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    telemetry: { enabled: false },
    databaseHooks: {
      session: {
        create: {
          // A new session starts in the person's most recently joined
          // organization, so the web app and REST callers have one without a
          // separate "switch" step; switching later updates it as usual.
          before: async (session) => {
            const [latest] = await sql<{ organizationId: string }[]>`
              SELECT "organizationId" FROM member WHERE "userId" = ${session.userId} ORDER BY "createdAt" DESC LIMIT 1`;
            return { data: { ...session, activeOrganizationId: latest?.organizationId ?? null } };
          },
        },
      },
    },
    plugins: [
      organization({
        ac,
        roles: authRoles,
        creatorRole: 'owner',
        allowUserToCreateOrganization: true,
        invitationExpiresIn: 7 * 24 * 3600,
        ...(mail ? { sendInvitationEmail: invitationMailer({ ...mail, appUrl: baseURL }) } : {}),
        organizationHooks: {
          ...membershipAuditHooks(sql),
          beforeCreateInvitation: ({ invitation }) => assertOneOfOurRoles(invitation.role),
          beforeAddMember: ({ member }) => assertOneOfOurRoles(member.role),
          beforeUpdateMemberRole: ({ newRole }) => assertOneOfOurRoles(newRole),
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
