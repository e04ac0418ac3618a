import { Button } from '@kobalte/core/button';
import { A, Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { FormError } from '../../components/form-error.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { createFormState } from '../../lib/form-state.ts';
import { safeNext, withNext } from '../../lib/paths.ts';
import { AuthCard } from './auth-card.tsx';
import { fieldForAuthError, PASSWORD_MIN, signUpInput } from './auth-schemas.ts';
import { GoogleButton } from './google-button.tsx';
import { session, signUp } from './session.ts';

export function SignUpPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = () => safeNext(params.next);
  const form = createFormState({
    fields: ['name', 'email', 'password'],
    initial: { name: '', email: '', password: '' },
    parse: (v) => signUpInput.safeParse(v),
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
      await signUp(data.name, data.email, data.password);
      navigate(next() ?? '/', { replace: true });
    } catch (err) {
      setBusy(false);
      // e.g. USER_ALREADY_EXISTS belongs next to the email field.
      const field = err instanceof ApiError ? err.types.map(fieldForAuthError).find(Boolean) : undefined;
      if (field) form.showErrors({ [field]: errorMessage(err) });
      else setFormError(errorMessage(err));
    }
  };

  return (
    <Show when={session().status !== 'signed-in' || busy()} fallback={<Navigate href={next() ?? '/'} />}>
      <AuthCard
        title="Create your account"
        subtitle="Track your team's KPIs live, on any device."
        footer={
          <>
            Already have an account? <A href={withNext('/sign-in', next())}>Sign in</A>
          </>
        }
      >
        <form class="form" onSubmit={submit} noValidate aria-busy={busy()}>
          <FormError message={formError()} />
          <TextInput label="Name" autocomplete="name" required {...form.bind('name')} />
          <TextInput label="Email" type="email" autocomplete="email" required {...form.bind('email')} />
          <TextInput
            label="Password"
            type="password"
            autocomplete="new-password"
            description={`At least ${PASSWORD_MIN} characters.`}
            required
            {...form.bind('password')}
          />
          <Button type="submit" class="button button-primary button-block" disabled={busy()}>
            {busy() ? 'Creating account…' : 'Create account'}
          </Button>
        </form>
        <GoogleButton next={next()} onError={setFormError} />
      </AuthCard>
    </Show>
  );
}
