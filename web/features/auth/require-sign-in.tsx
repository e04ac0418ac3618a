import { Navigate, useLocation } from '@solidjs/router';
import { type JSX, Match, Switch } from 'solid-js';
import { LoadingScreen } from '../../components/loading-screen.tsx';
import { withNext } from '../../lib/paths.ts';
import { session } from './session.ts';

/** Renders children for a signed-in person; otherwise sends them to sign in and back here after. */
export function RequireSignIn(props: { children: JSX.Element }) {
  const location = useLocation();
  return (
    <Switch>
      <Match when={session().status === 'loading'}>
        <LoadingScreen />
      </Match>
      <Match when={session().status === 'signed-out'}>
        <Navigate href={withNext('/sign-in', `${location.pathname}${location.search}`)} />
      </Match>
      <Match when={session().status === 'signed-in'}>{props.children}</Match>
    </Switch>
  );
}
