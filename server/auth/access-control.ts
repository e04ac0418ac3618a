import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements, ownerAc } from 'better-auth/plugins/organization/access';

/**
 * better-auth's view of our five roles. Only owners and admins manage members
 * and invitations (better-auth enforces that); what each role may do with
 * tenant data lives in shared/roles.ts and is checked by the mutators.
 */
export const ac = createAccessControl(defaultStatements);

export const authRoles = {
  owner: ac.newRole(ownerAc.statements),
  admin: ac.newRole(adminAc.statements),
  manager: ac.newRole({ organization: [], member: [], invitation: [] }),
  operator: ac.newRole({ organization: [], member: [], invitation: [] }),
  viewer: ac.newRole({ organization: [], member: [], invitation: [] }),
};
