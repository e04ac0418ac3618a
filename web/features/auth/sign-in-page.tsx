import { A, useNavigate } from '@solidjs/router';
import { TextInput } from '../../components/text-input.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { withNext } from '../../lib/paths.ts';
import { signInInput } from './auth-schemas.ts';
import { CredentialsPage, useNextPath } from './credentials-page.tsx';
import { signIn } from './session.ts';

export function SignInPage() {
  const navigate = useNavigate();
  const next = useNextPath();
  const form = createFormState({
    fields: ['email', 'password'],
    initial: { email: '', password: '' },
    parse: (v) => signInInput.safeParse(v),
  });
  // Wrong credentials and rate limiting (429) both arrive as a message above the form.
  const submit = createSubmit(form, {
    action: async (data) => {
      await signIn(data.email, data.password);
      navigate(next() ?? '/', { replace: true });
    },
    leavesPage: true,
  });

  return (
    <CredentialsPage
      title="Sign in"
      subtitle="Welcome back. Sign in to see your live KPIs."
      footer={
        <>
          New here? <A href={withNext('/sign-up', next())}>Create an account</A>
        </>
      }
      next={next()}
      submit={submit}
      submitLabel="Sign in"
      busyLabel="Signing in…"
    >
      <TextInput label="Email" type="email" autocomplete="email" required {...form.bind('email')} />
      <TextInput label="Password" type="password" autocomplete="current-password" required {...form.bind('password')} />
    </CredentialsPage>
  );
}
