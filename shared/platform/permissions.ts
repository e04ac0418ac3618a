import { definePermissions } from '../permissions/define.ts';

/**
 * The platform's part of the permission matrix: the organization itself, its
 * members, API keys and the audit trail. better-auth's access control, the
 * API key routes and the RLS policies all derive from this.
 */
export const platformPermissions = definePermissions({
  organization: { read: 'viewer', update: 'admin', delete: 'owner' },
  member: { read: 'viewer', invite: 'admin', update: 'admin', remove: 'admin' },
  /** Keys for scripts and integrations; seeing them is as sensitive as making them. */
  apiKey: { read: 'admin', manage: 'admin' },
  /** Who changed what, before and after. */
  auditLog: { read: 'admin' },
});
