import { definePermissions } from '../permissions/define.ts';

/**
 * Dashboards' part of the permission matrix. A dashboard is either the
 * organization's (shared) or one person's (private): anyone may keep private
 * ones, and only their keeper sees or edits them, whatever their role (a rule
 * on the row, applied by the mutators, the synced queries and RLS alike);
 * shared ones are edited by managers and up, and only admins hand out
 * read-only share links for wall screens.
 */
export const dashboardPermissions = definePermissions({
  dashboard: { read: 'viewer', keep: 'viewer', edit: 'manager' },
  dashboardShare: { read: 'admin', manage: 'admin' },
  /** Who is looking at or arranging a dashboard now; each person writes only their own row. */
  dashboardPresence: { read: 'viewer', update: { own: 'viewer' } },
  /** Each person's default dashboard. */
  dashboardPreference: { read: { own: 'viewer' }, update: { own: 'viewer' } },
});
