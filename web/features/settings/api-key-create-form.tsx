import { Button } from '@kobalte/core/button';
import { createSignal, Show } from 'solid-js';
import { z } from 'zod';
import type { Role } from '../../../shared/roles.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { RoleSelect } from '../../components/role-select.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { issueFieldErrors } from '../../lib/forms.ts';
import { type CreatedApiKey, createApiKey } from './api-keys-api.ts';

const keyInput = z.object({
  name: z.string().trim().min(1, 'Name the key (e.g. the script that uses it)').max(100, 'Name must be at most 100 characters'),
});

/** Creates a key (name + role) and shows its secret once, with a copy button. */
export function ApiKeyCreateForm(props: { orgID: string; roles: readonly Role[] }) {
  const [role, setRole] = createSignal<Role>(props.roles.includes('viewer') ? 'viewer' : (props.roles[0] ?? 'viewer'));
  const [created, setCreated] = createSignal<CreatedApiKey>();
  const form = createFormState({ fields: ['name'] as const, initial: { name: '' }, parse: (v) => keyInput.safeParse(v) });
  const submit = createSubmit(form, {
    action: async (data) => {
      setCreated(undefined);
      const key = await createApiKey(props.orgID, { name: data.name, role: role() });
      setCreated(key);
      form.reset();
    },
    fieldErrors: (err) => {
      const mapped = issueFieldErrors(err.details, ['name'] as const);
      return Object.keys(mapped.fields).length ? mapped.fields : undefined;
    },
  });

  return (
    <div class="stack">
      <form class="form api-key-form" onSubmit={submit.onSubmit} noValidate aria-labelledby="api-key-create-title">
        <h3 id="api-key-create-title">Create a key</h3>
        <FormError message={submit.error()} />
        <div class="form-grid">
          <TextInput label="Key name" autocomplete="off" required {...form.bind('name')} />
          <RoleSelect label="Key role" roles={props.roles} value={role()} onChange={setRole} />
        </div>
        <p class="field-description">
          A key acts with its role in this organization, never more than yours. Give it the least it needs.
        </p>
        <div>
          <Button type="submit" class="button button-primary" disabled={submit.busy() || submit.blocked()}>
            {submit.busy() ? 'Creating…' : 'Create key'}
          </Button>
        </div>
      </form>
      <Show when={created()}>
        {(key) => (
          <div class="invite-result key-result" role="status">
            <p>
              <strong>Copy the key for “{key().name}” now.</strong> It is shown only once: if you lose it, revoke it and create a
              new one. Keep it secret, like a password.
            </p>
            <CopyField label="New API key" value={key().key} buttonLabel="Copy key" />
            <div>
              <Button class="button button-small button-ghost" onClick={() => setCreated(undefined)}>
                I have saved it — hide the key
              </Button>
            </div>
          </div>
        )}
      </Show>
    </div>
  );
}
