import { createResource, Show } from 'solid-js';
import { assignableRoles, can } from '../../../shared/roles.ts';
import { usePageTitle } from '../../lib/page-title.ts';
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
  usePageTitle(() => `Members · ${org.organization()?.name ?? 'Live KPI'}`);

  return (
    <section class="page" aria-labelledby="members-page-title">
      <div class="page-head">
        <div>
          <h1 id="members-page-title">Members</h1>
          <p class="page-subtitle">
            {canManage() ? 'Invite people and decide what they can do.' : 'The people in this organization.'}
          </p>
        </div>
      </div>
      <div class="members-layout">
        <MemberList canManage={canManage()} />
        <Show when={canInvite()}>
          <div class="stack">
            <InviteForm orgID={org.orgID} roles={assignableRoles(org.role())} onInvited={() => void refetch()} />
            <InvitationList
              invitations={invitations.error ? [] : (invitations.latest ?? [])}
              loading={invitations.loading}
              onChanged={() => void refetch()}
            />
          </div>
        </Show>
      </div>
    </section>
  );
}
