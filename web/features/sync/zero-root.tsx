import type { Zero } from '@rocicorp/zero';
import { ZeroProvider } from '@rocicorp/zero/solid';
import { type JSX, onCleanup } from 'solid-js';
import { DISCONNECT_TIMEOUT_MS } from '../../../sync/connection.ts';
import { ORG_HEADER, type ZeroContext } from '../../../sync/context.ts';
import { mutators } from '../../../sync/mutators.ts';
import { reconnectAfterErrors } from '../../../sync/reconnect.ts';
import { schema } from '../../../sync/schema.ts';
import { attachZero } from './mutate.ts';
import { installTestHook } from './test-hook.ts';

/**
 * Only test builds (tests/run.ts builds with `mode: 'test'`) and the dev
 * server carry the end-to-end test hook; in a production build this is
 * `false` at build time, so the hook's code is left out of the bundle
 * (tests/bundle/web-bundle.test.ts checks).
 */
const WITH_TEST_HOOK = import.meta.env.MODE === 'test' || import.meta.env.MODE === 'development';

export interface ZeroRootProps {
  userID: string;
  orgID: string;
  cacheURL: string;
  children: JSX.Element;
}

/**
 * One Zero instance per (user, organization). The parent keys this component
 * on both, so switching organization builds a fresh instance. The option
 * objects are made once per instance: ZeroProvider rebuilds on any change.
 */
export function ZeroRoot(props: ZeroRootProps) {
  // Read once on purpose: a change of user or organization remounts us.
  const { userID, orgID, cacheURL } = props;
  const context: ZeroContext = { userID, orgID };
  const mutateHeaders = { [ORG_HEADER]: orgID };
  let detach: (() => void) | undefined;
  let uninstall: (() => void) | undefined;

  const init = (zero: Zero) => {
    detach?.();
    const detachWrites = attachZero(zero);
    const stopReconnecting = reconnectAfterErrors(zero);
    detach = () => {
      detachWrites();
      stopReconnecting();
    };
    if (WITH_TEST_HOOK) uninstall ??= installTestHook();
  };
  onCleanup(() => {
    detach?.();
    uninstall?.();
  });

  return (
    <ZeroProvider
      userID={userID}
      // A client group per organization: writes queued offline in one
      // organization are only ever pushed with that organization's header.
      storageKey={orgID}
      cacheURL={cacheURL}
      schema={schema}
      mutators={mutators}
      context={context}
      mutateHeaders={mutateHeaders}
      disconnectTimeoutMs={DISCONNECT_TIMEOUT_MS}
      init={init}
    >
      {props.children}
    </ZeroProvider>
  );
}
