import { AsyncLocalStorage } from 'node:async_hooks';
import type { Sql } from 'postgres';

/**
 * Who is acting in the current /api/auth request. The auth route resolves the
 * session and runs better-auth inside this context, because better-auth's
 * hooks do not always say who made a change (a role change names only the
 * member whose role changed).
 */
export const authActor = new AsyncLocalStorage<{ userID: string | null; source: string }>();

type Row = { id: string; organizationId: string } & Record<string, unknown>;
type Change = {
  action: 'insert' | 'update' | 'delete';
  table: 'organization' | 'member' | 'invitation';
  before?: Row | null;
  after?: Row | null;
};

/** better-auth's organization hooks that append to the audit trail (via record_audit, see migration 006). */
export function membershipAuditHooks(sql: Sql) {
  const record = async (change: Change, fallbackActor: string | null) => {
    const row = (change.after ?? change.before) as Row;
    const orgID = change.table === 'organization' ? row.id : row.organizationId;
    const context = authActor.getStore();
    await sql`SELECT record_audit(${orgID}, ${context?.userID ?? fallbackActor}, ${change.action}, ${change.table}, ${row.id},
      ${change.before ? sql.json(JSON.parse(JSON.stringify(change.before))) : null},
      ${change.after ? sql.json(JSON.parse(JSON.stringify(change.after))) : null},
      ${context?.source ?? 'auth:server'})`;
  };
  const asRow = (r: object) => r as unknown as Row;
  const withOrg = (org: { id: string } & object) => ({ ...asRow(org), organizationId: org.id });
  return {
    afterCreateOrganization: async ({ organization, user }: { organization: { id: string } & object; user: { id: string } }) =>
      record({ action: 'insert', table: 'organization', after: withOrg(organization) }, user.id),
    afterUpdateOrganization: async ({
      organization,
      user,
    }: {
      organization: ({ id: string } & object) | null;
      user: { id: string };
    }) => {
      if (organization) await record({ action: 'update', table: 'organization', after: withOrg(organization) }, user.id);
    },
    afterAddMember: async ({ member }: { member: object }) =>
      record({ action: 'insert', table: 'member', after: asRow(member) }, null),
    afterRemoveMember: async ({ member }: { member: object }) =>
      record({ action: 'delete', table: 'member', before: asRow(member) }, null),
    afterUpdateMemberRole: async ({ member, previousRole }: { member: object; previousRole: string }) =>
      record({ action: 'update', table: 'member', before: { ...asRow(member), role: previousRole }, after: asRow(member) }, null),
    afterCreateInvitation: async ({ invitation, inviter }: { invitation: object; inviter: { id: string } }) =>
      record({ action: 'insert', table: 'invitation', after: asRow(invitation) }, inviter.id),
    // Accepting creates the membership without better-auth's add-member hook, so both rows are recorded here.
    afterAcceptInvitation: async ({ invitation, member, user }: { invitation: object; member: object; user: { id: string } }) => {
      await record({ action: 'insert', table: 'member', after: asRow(member) }, user.id);
      await record({ action: 'update', table: 'invitation', after: asRow(invitation) }, user.id);
    },
    afterRejectInvitation: async ({ invitation, user }: { invitation: object; user: { id: string } }) =>
      record({ action: 'update', table: 'invitation', after: asRow(invitation) }, user.id),
    afterCancelInvitation: async ({ invitation, cancelledBy }: { invitation: object; cancelledBy: { id: string } }) =>
      record({ action: 'update', table: 'invitation', after: asRow(invitation) }, cancelledBy.id),
  };
}
