import { Button } from '@kobalte/core/button';
import { createResource, createSignal, Show } from 'solid-js';
import { errorMessage } from '../../lib/api.ts';
import { loadConfig } from '../../lib/config.ts';
import { signInWithGoogle } from './session.ts';

/** Shown only when the server has Google sign-in configured. */
export function GoogleButton(props: { next: string | null; onError: (message: string) => void }) {
  const [config] = createResource(() => loadConfig().catch(() => null));
  const [busy, setBusy] = createSignal(false);
  const start = async () => {
    setBusy(true);
    try {
      await signInWithGoogle(`${location.origin}${props.next ?? '/'}`);
    } catch (err) {
      props.onError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Show when={config()?.googleSignIn}>
      <div class="divider" role="presentation">
        <span>or</span>
      </div>
      <Button class="button button-secondary button-block" onClick={start} disabled={busy()}>
        {busy() ? 'Opening Google…' : 'Continue with Google'}
      </Button>
    </Show>
  );
}
