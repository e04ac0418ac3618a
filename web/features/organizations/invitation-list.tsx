import { Button } from '@kobalte/core/button';
import { createSignal, For, Show } from 'solid-js';
import { isRole, ROLE_LABELS } from '../../../shared/roles.ts';
import { copyText } from '../../components/copy-field.tsx';
import { showToast } from '../../components/toast.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useFormats } from './current-organization.tsx';
import { cancelInvitation, type Invitation, inviteLink } from './organizations-api.ts';

function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

/** Pending invitations (owners and admins): copy the link again, or cancel. */
export function InvitationList(props: { invitations: readonly Invitation[]; loading: boolean; onChanged: () => void }) {
  const fmt = useFormats();
  const [busyID, setBusyID] = createSignal<string>();
  const pending = () => props.invitations.filter((i) => i.status === 'pending');

  const cancel = async (invitation: Invitation) => {
    setBusyID(invitation.id);
    try {
      await cancelInvitation(invitation.id);
      showToast({
        title: 'Invitation cancelled',
        description: `The link for ${invitation.email} no longer works.`,
        tone: 'success',
      });
      props.onChanged();
    } catch (err) {
      showToast({ title: 'Could not cancel the invitation', description: errorMessage(err), tone: 'error' });
    } finally {
      setBusyID(undefined);
    }
  };
  const copy = async (invitation: Invitation) => {
    const ok = await copyText(inviteLink(invitation.id));
    showToast({
      title: ok ? 'Link copied' : 'Could not copy',
      description: ok ? `Invite link for ${invitation.email}.` : inviteLink(invitation.id),
      tone: ok ? 'success' : 'info',
    });
  };

  return (
    <section class="panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Pending invitations</h2>
      <Show
        when={pending().length > 0}
        fallback={<p class="panel-hint">{props.loading ? 'Loading invitations…' : 'No pending invitations.'}</p>}
      >
        <ul class="row-list">
          <For each={pending()}>
            {(invitation) => (
              <li class="row">
                <div class="row-main">
                  <span class="row-title">{invitation.email}</span>
                  <span class="row-meta">
                    {roleLabel(invitation.role)} · expires {fmt().date(Date.parse(invitation.expiresAt))}
                  </span>
                </div>
                <div class="row-actions">
                  <Button
                    class="button button-small button-secondary"
                    aria-label={`Copy invitation link for ${invitation.email}`}
                    onClick={() => void copy(invitation)}
                  >
                    Copy link
                  </Button>
                  <Button
                    class="button button-small button-ghost"
                    aria-label={`Cancel invitation for ${invitation.email}`}
                    disabled={busyID() === invitation.id}
                    onClick={() => void cancel(invitation)}
                  >
                    Cancel
                  </Button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
