import { Navigate, useLocation } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { withNext } from '../../lib/paths.ts';
import { SessionGate } from './session-gate.tsx';

/** Renders children for a signed-in person; otherwise sends them to sign in and back here after. */
export function RequireSignIn(props: { children: JSX.Element }) {
  const location = useLocation();
  return (
    <SessionGate signedOut={<Navigate href={withNext('/sign-in', `${location.pathname}${location.search}`)} />}>
      {props.children}
    </SessionGate>
  );
}
