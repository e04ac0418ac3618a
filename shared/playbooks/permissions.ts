import { definePermissions } from '../permissions/define.ts';

/**
 * Playbooks (customer-success pack): the triggers that start them are
 * configuration (admins); everyone sees them.
 */
export const playbookPermissions = definePermissions({
  playbookTrigger: { read: 'viewer', manage: 'admin' },
});
