import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements } from 'better-auth/plugins/organization/access';
import { can, ROLES, type Role } from '../../shared/roles.ts';

/**
 * better-auth's view of our roles, derived from the permission matrix: each
 * of its organization, member and invitation statements is allowed to the
 * roles that may take the matching action in shared/. better-auth then
 * enforces them on its own endpoints (invite, change role, remove, update or
 * delete the organization). Teams and dynamic roles are not enabled, so no
 * role is given their statements.
 */
export const ac = createAccessControl(defaultStatements);

type Checks = readonly (readonly [statement: string, allowed: (role: Role) => boolean])[];

const BETTER_AUTH_STATEMENTS = {
  organization: [
    ['update', (r) => can(r, 'organization', 'update')],
    ['delete', (r) => can(r, 'organization', 'delete')],
  ],
  member: [
    // Only the server adds members directly; people join by invitation.
    ['create', (r) => can(r, 'member', 'invite')],
    ['update', (r) => can(r, 'member', 'update')],
    ['delete', (r) => can(r, 'member', 'remove')],
  ],
  invitation: [
    ['create', (r) => can(r, 'member', 'invite')],
    ['cancel', (r) => can(r, 'member', 'invite')],
  ],
} satisfies Record<'organization' | 'member' | 'invitation', Checks>;

type Statements = { [K in keyof typeof BETTER_AUTH_STATEMENTS]: (typeof defaultStatements)[K][number][] };

function statementsFor(role: Role): Statements {
  const pick = <K extends keyof Statements>(key: K) =>
    (BETTER_AUTH_STATEMENTS[key] as Checks).filter(([, allowed]) => allowed(role)).map(([s]) => s) as Statements[K];
  return { organization: pick('organization'), member: pick('member'), invitation: pick('invitation') };
}

const authRole = (role: Role) => ac.newRole(statementsFor(role));

export const authRoles = Object.fromEntries(ROLES.map((role) => [role, authRole(role)])) as Record<
  Role,
  ReturnType<typeof authRole>
>;
