import { Button } from '@kobalte/core/button';
import { createEffect, createSignal, Show } from 'solid-js';
import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { RoleSelect } from '../../components/role-select.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { inviteLink, inviteMember } from './organizations-api.ts';

const inviteInput = z.object({
  email: z.string().trim().min(1, 'Enter the email address to invite').pipe(z.email('Enter a valid email address')),
  role: z.enum(ROLES),
});

/**
 * Creates an invitation and shows its link to pass on (there is no email
 * delivery yet). The invitee must sign in with the invited address.
 */
export function InviteForm(props: { orgID: string; roles: readonly Role[]; onInvited: () => void }) {
  const [role, setRole] = createSignal<Role>();
  const form = createFormState({
    fields: ['email'],
    initial: { email: '' },
    // The role comes from the select, which offers valid ones only: a missing
    // role just holds the submit back (its button is disabled meanwhile).
    parse: (v) => inviteInput.safeParse({ ...v, role: role() }),
  });
  const [link, setLink] = createSignal<{ url: string; email: string }>();

  // Default to the least powerful role on offer.
  createEffect(() => {
    const current = role();
    if (!current || !props.roles.includes(current)) setRole(props.roles[props.roles.length - 1]);
  });

  const submit = createSubmit(form, {
    action: async (data) => {
      const invitation = await inviteMember(props.orgID, data.email, data.role);
      setLink({ url: inviteLink(invitation.id), email: invitation.email });
      form.reset();
      props.onInvited();
    },
    fieldErrors: (err) =>
      err.types.some((t) => t.includes('EMAIL') || t.includes('ALREADY')) ? { email: err.message } : undefined,
  });

  return (
    <section class="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <p class="panel-hint">Create a link for one email address and send it to them. It works for 7 days.</p>
      <form class="form invite-form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
        <FormError message={submit.error()} />
        <div class="form-row">
          <TextInput label="Email" type="email" autocomplete="off" required {...form.bind('email')} />
          <RoleSelect label="Role" roles={props.roles} value={role()} onChange={setRole} />
        </div>
        <Button type="submit" class="button button-primary" disabled={submit.busy() || submit.blocked() || !role()}>
          {submit.busy() ? 'Creating link…' : 'Create invite link'}
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
