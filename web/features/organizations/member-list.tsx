import { useQuery } from '@rocicorp/zero/solid';
import { createSignal, For, Show } from 'solid-js';
import { assignableRoles, isRole, ROLE_LABELS, type Role } from '../../../shared/roles.ts';
import { queries } from '../../../sync/queries.ts';
import { RoleSelect } from '../../components/role-select.tsx';
import { showToast } from '../../components/toast.tsx';
import { errorMessage } from '../../lib/api.ts';
import { currentUser } from '../auth/session.ts';
import { useCurrentOrganization } from './current-organization.tsx';
import { removeMember, updateMemberRole } from './organizations-api.ts';
import { RemoveMemberButton } from './remove-member-button.tsx';

/** Everyone in the organization, live. Owners and admins can change roles and remove people. */
export function MemberList(props: { canManage: boolean }) {
  const org = useCurrentOrganization();
  const [members, details] = useQuery(() => queries.members.list({ orgID: org.orgID }));
  const [pendingRoles, setPendingRoles] = createSignal<Record<string, Role>>({});
  const assignable = () => assignableRoles(org.role());

  type MemberRow = ReturnType<typeof members>[number];
  const nameOf = (m: MemberRow) => m.user?.name || 'Unknown member';
  // A member is manageable when their current role is one we may hand out
  // (an admin cannot touch owners); nobody manages themself here.
  const manageable = (m: MemberRow) =>
    props.canManage && m.userID !== currentUser()?.id && isRole(m.role) && assignable().includes(m.role);

  const changeRole = async (m: MemberRow, role: Role) => {
    if (role === m.role) return;
    setPendingRoles((p) => ({ ...p, [m.id]: role }));
    try {
      await updateMemberRole(org.orgID, m.id, role);
      showToast({ title: 'Role updated', description: `${nameOf(m)} is now ${ROLE_LABELS[role]}.`, tone: 'success' });
    } catch (err) {
      showToast({ title: 'Could not change the role', description: errorMessage(err), tone: 'error' });
    } finally {
      setPendingRoles(({ [m.id]: _, ...rest }) => rest);
    }
  };
  const remove = async (m: MemberRow) => {
    try {
      await removeMember(org.orgID, m.id);
      showToast({ title: 'Member removed', description: `${nameOf(m)} no longer has access.`, tone: 'success' });
      return true;
    } catch (err) {
      showToast({ title: 'Could not remove the member', description: errorMessage(err), tone: 'error' });
      return false;
    }
  };

  return (
    <section class="panel" aria-labelledby="members-title">
      <h2 id="members-title">People</h2>
      <Show
        when={members().length > 0}
        fallback={<p class="panel-hint">{details().type === 'complete' ? 'No members.' : 'Loading members…'}</p>}
      >
        <ul class="row-list" aria-label="Members">
          <For each={members()}>
            {(m) => (
              <li class="row" aria-label={nameOf(m)}>
                <div class="row-main">
                  <span class="row-title">
                    {nameOf(m)}
                    <Show when={m.userID === currentUser()?.id}>
                      <span class="you"> (you)</span>
                    </Show>
                  </span>
                  <Show when={!manageable(m)}>
                    <span class="row-meta">{isRole(m.role) ? ROLE_LABELS[m.role] : m.role}</span>
                  </Show>
                </div>
                <Show when={manageable(m)}>
                  <div class="row-actions">
                    <RoleSelect
                      label={`Role for ${nameOf(m)}`}
                      hideLabel
                      roles={assignable()}
                      value={pendingRoles()[m.id] ?? (isRole(m.role) ? m.role : undefined)}
                      onChange={(role) => void changeRole(m, role)}
                      disabled={pendingRoles()[m.id] !== undefined}
                    />
                    <RemoveMemberButton
                      name={nameOf(m)}
                      organization={org.organization()?.name ?? 'this organization'}
                      onConfirm={() => remove(m)}
                    />
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
