import { type JSX, Match, Switch } from 'solid-js';
import { LoadingScreen } from '../../components/loading-screen.tsx';
import { session } from './session.ts';

/** Shows a loading screen until the session is known, then `signedOut` or the children (signed in). */
export function SessionGate(props: { signedOut: JSX.Element; children: JSX.Element }) {
  return (
    <Switch>
      <Match when={session().status === 'loading'}>
        <LoadingScreen />
      </Match>
      <Match when={session().status === 'signed-out'}>{props.signedOut}</Match>
      <Match when={session().status === 'signed-in'}>{props.children}</Match>
    </Switch>
  );
}
