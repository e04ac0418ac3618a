import { Button } from '@kobalte/core/button';
import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { FormError } from '../../components/form-error.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { AuthCard } from '../auth/auth-card.tsx';
import { RequireSignIn } from '../auth/require-sign-in.tsx';
import { currentUser, session, signOut } from '../auth/session.ts';
import { createOrganization, setActiveOrganization } from './organizations-api.ts';
import { organizationInput, slugify } from './slug.ts';

function CreateOrganizationForm() {
  const navigate = useNavigate();
  const form = createFormState({
    fields: ['name', 'slug'],
    initial: { name: '', slug: '' },
    parse: (v) => organizationInput.safeParse(v),
  });
  const [slugEdited, setSlugEdited] = createSignal(false);
  const hasOrganization = () => {
    const s = session();
    return s.status === 'signed-in' && s.activeOrganizationId !== null;
  };

  const onName = (value: string) => {
    form.setValue('name', value);
    if (!slugEdited()) form.setValue('slug', slugify(value));
  };
  const onSlug = (value: string) => {
    // Clearing the slug hands it back to the name.
    setSlugEdited(value !== '');
    form.setValue('slug', value);
  };

  const submit = createSubmit(form, {
    action: async (data) => {
      const org = await createOrganization(data.name, data.slug);
      await setActiveOrganization(org.id);
      navigate('/', { replace: true });
    },
    fieldErrors: (err) =>
      err.types.some((t) => t.includes('SLUG') || t.includes('ALREADY_EXISTS'))
        ? { slug: 'That slug is taken. Choose another one.' }
        : undefined,
    leavesPage: true,
  });

  return (
    <AuthCard
      title={hasOrganization() ? 'Create an organization' : 'Create your organization'}
      subtitle="An organization holds your team's KPIs. You can invite people once it exists."
      footer={
        <>
          Signed in as {currentUser()?.email}.{' '}
          <button type="button" class="link-button" onClick={() => void signOut()}>
            Sign out
          </button>
        </>
      }
    >
      <form class="form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
        <FormError message={submit.error()} />
        <TextInput label="Organization name" autocomplete="organization" required {...form.bind('name')} onChange={onName} />
        <TextInput
          label="Slug"
          description="A short unique name used in links. Filled in from the name; edit it if you like."
          required
          {...form.bind('slug')}
          onChange={onSlug}
        />
        <Button type="submit" class="button button-primary button-block" disabled={submit.busy()}>
          {submit.busy() ? 'Creating…' : 'Create organization'}
        </Button>
      </form>
      <Show
        when={hasOrganization()}
        fallback={
          <p class="hint">
            Joining an existing team instead? Ask one of its admins for an invite link and open it while signed in.
          </p>
        }
      >
        <p class="hint">
          <A href="/">Back to the dashboard</A>
        </p>
      </Show>
    </AuthCard>
  );
}

export function CreateOrganizationPage() {
  return (
    <RequireSignIn>
      <CreateOrganizationForm />
    </RequireSignIn>
  );
}
