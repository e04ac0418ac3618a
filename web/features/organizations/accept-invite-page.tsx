import { Button } from '@kobalte/core/button';
import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Switch } from 'solid-js';
import { isRole, ROLE_LABELS } from '../../../shared/roles.ts';
import { FormError } from '../../components/form-error.tsx';
import { LoadingScreen } from '../../components/loading-screen.tsx';
import { errorMessage } from '../../lib/api.ts';
import { withNext } from '../../lib/paths.ts';
import { AuthCard } from '../auth/auth-card.tsx';
import { currentUser, signOut } from '../auth/session.ts';
import { SessionGate } from '../auth/session-gate.tsx';
import { acceptInvitation, getInvitation, setActiveOrganization } from './organizations-api.ts';

function SignedOutInvite(props: { here: string }) {
  return (
    <AuthCard title="You're invited" subtitle="Sign in, or create an account, with the email address the invitation was sent to.">
      <div class="button-row">
        <A class="button button-primary" href={withNext('/sign-in', props.here)}>
          Sign in
        </A>
        <A class="button button-secondary" href={withNext('/sign-up', props.here)}>
          Create account
        </A>
      </div>
      <p class="hint">You will come straight back here to accept.</p>
    </AuthCard>
  );
}

function SignedInInvite(props: { id: string; here: string }) {
  const navigate = useNavigate();
  const [invitation] = createResource(() => props.id, getInvitation);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const role = () => {
    const r = invitation()?.role ?? '';
    return isRole(r) ? ROLE_LABELS[r] : r;
  };

  const accept = async () => {
    const inv = invitation();
    if (!inv) return;
    setBusy(true);
    setError(undefined);
    try {
      await acceptInvitation(inv.id);
      await setActiveOrganization(inv.organizationId);
      navigate('/', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  const switchAccount = async () => {
    await signOut().catch(() => undefined);
    navigate(withNext('/sign-in', props.here), { replace: true });
  };

  return (
    <Switch>
      <Match when={invitation.loading}>
        <LoadingScreen label="Opening the invitation…" />
      </Match>
      <Match when={invitation.error}>
        <AuthCard title="This invitation can't be used" subtitle={errorMessage(invitation.error)}>
          <p class="hint">
            You are signed in as <strong>{currentUser()?.email}</strong>. Invitations only work for the address they were sent to,
            and expire after 7 days or once used.
          </p>
          <div class="button-row">
            <A class="button button-secondary" href="/">
              Go to my dashboard
            </A>
            <Button class="button button-ghost" onClick={() => void switchAccount()}>
              Use another account
            </Button>
          </div>
        </AuthCard>
      </Match>
      <Match when={invitation()}>
        {(inv) => (
          <AuthCard title={`Join ${inv().organizationName}`}>
            <p class="invite-summary">
              {inv().inviterEmail} invited you to join <strong>{inv().organizationName}</strong> as <strong>{role()}</strong>.
            </p>
            <FormError message={error()} />
            <div class="button-row">
              <Button class="button button-primary" onClick={() => void accept()} disabled={busy()}>
                {busy() ? 'Joining…' : 'Accept invitation'}
              </Button>
              <A class="button button-ghost" href="/">
                Not now
              </A>
            </div>
          </AuthCard>
        )}
      </Match>
    </Switch>
  );
}

/** /invite/:id — the link an admin passed on. */
export function AcceptInvitePage() {
  const params = useParams<{ id: string }>();
  const here = () => `/invite/${encodeURIComponent(params.id)}`;
  return (
    <SessionGate signedOut={<SignedOutInvite here={here()} />}>
      <SignedInInvite id={params.id} here={here()} />
    </SessionGate>
  );
}
