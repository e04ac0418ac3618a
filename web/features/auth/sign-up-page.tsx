import { A, useNavigate } from '@solidjs/router';
import { onMount } from 'solid-js';
import { TextInput } from '../../components/text-input.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { withNext } from '../../lib/paths.ts';
import { fieldForAuthError, PASSWORD_MIN, signUpInput } from './auth-schemas.ts';
import { CredentialsPage, useNextPath } from './credentials-page.tsx';
import { loadPasswordRule } from './password-check.ts';
import { signUp } from './session.ts';

export function SignUpPage() {
  const navigate = useNavigate();
  const next = useNextPath();
  onMount(() => {
    loadPasswordRule().catch(() => undefined);
  });
  const form = createFormState({
    fields: ['name', 'email', 'password'],
    initial: { name: '', email: '', password: '' },
    parse: (v) => signUpInput.safeParse(v),
  });
  const submit = createSubmit(form, {
    action: async (data) => {
      await signUp(data.name, data.email, data.password);
      navigate(next() ?? '/', { replace: true });
    },
    // e.g. USER_ALREADY_EXISTS belongs next to the email field.
    fieldErrors: (err) => {
      const field = err.types.map(fieldForAuthError).find(Boolean);
      return field ? { [field]: err.message } : undefined;
    },
    leavesPage: true,
  });

  return (
    <CredentialsPage
      title="Create your account"
      subtitle="Track your team's KPIs live, on any device."
      footer={
        <>
          Already have an account? <A href={withNext('/sign-in', next())}>Sign in</A>
        </>
      }
      next={next()}
      submit={submit}
      submitLabel="Create account"
      busyLabel="Creating account…"
    >
      <TextInput label="Name" autocomplete="name" required {...form.bind('name')} />
      <TextInput label="Email" type="email" autocomplete="email" required {...form.bind('email')} />
      <TextInput
        label="Password"
        type="password"
        autocomplete="new-password"
        description={`At least ${PASSWORD_MIN} characters, and not a common password.`}
        required
        {...form.bind('password')}
      />
    </CredentialsPage>
  );
}
