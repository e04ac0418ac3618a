import { createResource, Show } from 'solid-js';
import { assignableRoles, can } from '../../../shared/roles.ts';
import { RoleGate } from '../workspace/role-gate.tsx';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { useCurrentOrganization } from './current-organization.tsx';
import { InvitationList } from './invitation-list.tsx';
import { InviteForm } from './invite-form.tsx';
import { MemberList } from './member-list.tsx';
import { listInvitations } from './organizations-api.ts';

/** Members of the organization; owners and admins also invite and manage here. */
export function MembersPage() {
  const org = useCurrentOrganization();
  const canInvite = () => can(org.role(), 'member', 'invite');
  const canManage = () => can(org.role(), 'member', 'update');
  const [invitations, { refetch }] = createResource(() => (canInvite() ? org.orgID : false), listInvitations);

  return (
    <WorkspacePage
      title="Members"
      headingId="members-page-title"
      subtitle={canManage() ? 'Invite people and decide what they can do.' : 'The people in this organization.'}
    >
      <div class="members-layout">
        <MemberList canManage={canManage()} />
        <RoleGate allowed={canInvite()} action="invite people">
          <div class="stack">
            <InviteForm orgID={org.orgID} roles={assignableRoles(org.role())} onInvited={() => void refetch()} />
            {/* The pending invitations (their e-mail addresses) go with the role, whatever is being typed. */}
            <Show when={canInvite()}>
              <InvitationList
                invitations={invitations.error ? [] : (invitations.latest ?? [])}
                loading={invitations.loading}
                onChanged={() => void refetch()}
              />
            </Show>
          </div>
        </RoleGate>
      </div>
    </WorkspacePage>
  );
}
