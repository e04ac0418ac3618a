import { Button } from '@kobalte/core/button';
import { Navigate, useSearchParams } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { FormError } from '../../components/form-error.tsx';
import type { Submit } from '../../lib/form-submit.ts';
import { safeNext } from '../../lib/paths.ts';
import { AuthCard } from './auth-card.tsx';
import { GoogleButton } from './google-button.tsx';
import { session } from './session.ts';

/** Where signing in leads: the `?next=` path the person came with (same-site only), or null for the dashboard. */
export function useNextPath(): () => string | null {
  const [params] = useSearchParams();
  return () => safeNext(params.next);
}

export interface CredentialsPageProps {
  title: string;
  subtitle: string;
  /** The link to the other page of the pair, carrying `next` along. */
  footer: JSX.Element;
  next: string | null;
  submit: Submit;
  submitLabel: string;
  busyLabel: string;
  /** The form's fields. */
  children: JSX.Element;
}

/**
 * The sign-in and sign-up pages: an email form, Google as the alternative.
 * Someone already signed in goes straight on to `next`, except while this
 * form is the one signing them in (it navigates itself).
 */
export function CredentialsPage(props: CredentialsPageProps) {
  return (
    <Show when={session().status !== 'signed-in' || props.submit.busy()} fallback={<Navigate href={props.next ?? '/'} />}>
      <AuthCard title={props.title} subtitle={props.subtitle} footer={props.footer}>
        <form class="form" onSubmit={props.submit.onSubmit} noValidate aria-busy={props.submit.busy()}>
          <FormError message={props.submit.error()} />
          {props.children}
          <Button type="submit" class="button button-primary button-block" disabled={props.submit.busy()}>
            {props.submit.busy() ? props.busyLabel : props.submitLabel}
          </Button>
        </form>
        <GoogleButton next={props.next} onError={props.submit.setError} />
      </AuthCard>
    </Show>
  );
}
