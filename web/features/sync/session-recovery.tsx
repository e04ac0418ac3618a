import { useConnectionState, useZero } from '@rocicorp/zero/solid';
import { createEffect, on } from 'solid-js';
import { refreshSession } from '../auth/session.ts';

/** Don't hammer the server if it keeps refusing a session it calls valid. */
const RETRY_AFTER_MS = 30_000;

/**
 * When zero-cache reports needs-auth (the server answered 401/403), ask the
 * server whether the session is still good. If it is not, the session store
 * flips to signed-out and the app sends the person to sign in (and back).
 * If it is, reconnect once: the refusal was transient.
 */
export function SessionRecovery() {
  const zero = useZero();
  const state = useConnectionState();
  let lastTry = 0;
  createEffect(
    on(
      () => state().name,
      async (name) => {
        if (name !== 'needs-auth' || Date.now() - lastTry < RETRY_AFTER_MS) return;
        lastTry = Date.now();
        const session = await refreshSession().catch(() => undefined);
        if (session?.status === 'signed-in') zero().connection.connect();
      },
    ),
  );
  return null;
}
