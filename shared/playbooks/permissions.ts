import { definePermissions } from '../permissions/define.ts';

/**
 * Playbooks (customer-success pack): the triggers that start them are
 * configuration (admins); everyone sees them. Managers keep the
 * organization's copies of the playbooks and complete, cancel or delete
 * executions; operators (the CSMs) start executions and work their steps;
 * viewers only look.
 */
export const playbookPermissions = definePermissions({
  playbookTrigger: { read: 'viewer', manage: 'admin' },
  playbook: { read: 'viewer', manage: 'manager' },
  playbookExecution: { read: 'viewer', start: 'operator', manage: 'manager' },
  playbookStep: { read: 'viewer', work: 'operator' },
  /** Who is editing which step now; each person writes only their own row. */
  playbookEditing: { read: 'viewer', update: { own: 'operator' } },
});
