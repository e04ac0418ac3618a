import { Button } from '@kobalte/core/button';
import { createEffect, createSignal, Show } from 'solid-js';
import { z } from 'zod';
import type { Role } from '../../../shared/roles.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { RoleSelect } from '../../components/role-select.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { createFormState } from '../../lib/form-state.ts';
import { inviteLink, inviteMember } from './organizations-api.ts';

const inviteInput = z.object({
  email: z.string().trim().min(1, 'Enter the email address to invite').pipe(z.email('Enter a valid email address')),
});

/**
 * Creates an invitation and shows its link to pass on (there is no email
 * delivery yet). The invitee must sign in with the invited address.
 */
export function InviteForm(props: { orgID: string; roles: readonly Role[]; onInvited: () => void }) {
  const form = createFormState({
    fields: ['email'],
    initial: { email: '' },
    parse: (v) => inviteInput.safeParse(v),
  });
  const [role, setRole] = createSignal<Role>();
  const [formError, setFormError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [link, setLink] = createSignal<{ url: string; email: string }>();

  // Default to the least powerful role on offer.
  createEffect(() => {
    const current = role();
    if (!current || !props.roles.includes(current)) setRole(props.roles[props.roles.length - 1]);
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const data = form.submit();
    const chosen = role();
    if (!data || !chosen) return;
    setBusy(true);
    try {
      const invitation = await inviteMember(props.orgID, data.email, chosen);
      setLink({ url: inviteLink(invitation.id), email: invitation.email });
      form.reset();
      props.onInvited();
    } catch (err) {
      if (err instanceof ApiError && err.types.some((t) => t.includes('EMAIL') || t.includes('ALREADY'))) {
        form.showErrors({ email: err.message });
      } else setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <p class="panel-hint">Create a link for one email address and send it to them. It works for 7 days.</p>
      <form class="form invite-form" onSubmit={submit} noValidate aria-busy={busy()}>
        <FormError message={formError()} />
        <div class="form-row">
          <TextInput label="Email" type="email" autocomplete="off" required {...form.bind('email')} />
          <RoleSelect label="Role" roles={props.roles} value={role()} onChange={setRole} />
        </div>
        <Button type="submit" class="button button-primary" disabled={busy() || !role()}>
          {busy() ? 'Creating link…' : 'Create invite link'}
        </Button>
      </form>
      <div aria-live="polite">
        <Show when={link()}>
          {(l) => (
            <div class="invite-result">
              <p>
                Invite link for <strong>{l().email}</strong>: send it to them. They sign in (or create an account) with that
                address and accept.
              </p>
              <CopyField label="Invite link" value={l().url} />
            </div>
          )}
        </Show>
      </div>
    </section>
  );
}
