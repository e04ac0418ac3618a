import { Button } from '@kobalte/core/button';
import { A, Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { FormError } from '../../components/form-error.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { errorMessage } from '../../lib/api.ts';
import { createFormState } from '../../lib/form-state.ts';
import { safeNext, withNext } from '../../lib/paths.ts';
import { AuthCard } from './auth-card.tsx';
import { signInInput } from './auth-schemas.ts';
import { GoogleButton } from './google-button.tsx';
import { session, signIn } from './session.ts';

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = () => safeNext(params.next);
  const form = createFormState({
    fields: ['email', 'password'],
    initial: { email: '', password: '' },
    parse: (v) => signInInput.safeParse(v),
  });
  const [formError, setFormError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const data = form.submit();
    if (!data) return;
    setBusy(true);
    try {
      await signIn(data.email, data.password);
      navigate(next() ?? '/', { replace: true });
    } catch (err) {
      // Wrong credentials and rate limiting (429) both arrive as a message.
      setFormError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Show when={session().status !== 'signed-in' || busy()} fallback={<Navigate href={next() ?? '/'} />}>
      <AuthCard
        title="Sign in"
        subtitle="Welcome back. Sign in to see your live KPIs."
        footer={
          <>
            New here? <A href={withNext('/sign-up', next())}>Create an account</A>
          </>
        }
      >
        <form class="form" onSubmit={submit} noValidate aria-busy={busy()}>
          <FormError message={formError()} />
          <TextInput label="Email" type="email" autocomplete="email" required {...form.bind('email')} />
          <TextInput label="Password" type="password" autocomplete="current-password" required {...form.bind('password')} />
          <Button type="submit" class="button button-primary button-block" disabled={busy()}>
            {busy() ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        <GoogleButton next={next()} onError={setFormError} />
      </AuthCard>
    </Show>
  );
}
