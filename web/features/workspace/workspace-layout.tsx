import { Button } from '@kobalte/core/button';
import { Navigate, type RouteSectionProps } from '@solidjs/router';
import { createMemo, createResource, Match, Switch } from 'solid-js';
import { LoadingScreen } from '../../components/loading-screen.tsx';
import { errorMessage } from '../../lib/api.ts';
import { loadConfig, zeroCacheURL } from '../../lib/config.ts';
import { RequireSignIn } from '../auth/require-sign-in.tsx';
import { session, sessionEpoch } from '../auth/session.ts';
import { CurrentOrganizationProvider } from '../organizations/current-organization.tsx';
import { listOrganizations, setActiveOrganization } from '../organizations/organizations-api.ts';
import { ZeroRoot } from '../sync/zero-root.tsx';
import { AppShell } from './app-shell.tsx';

/**
 * When the session has no active organization, fall back to the person's
 * first one (and make it active so the choice sticks). Null: they have none.
 */
async function pickFirstOrganization(): Promise<string | null> {
  const orgs = await listOrganizations();
  const first = orgs[0];
  if (!first) return null;
  await setActiveOrganization(first.id);
  return first.id;
}

interface WorkspaceKey {
  userID: string;
  orgID: string;
  epoch: number;
  cacheURL: string;
}

function Workspace(props: RouteSectionProps) {
  const [config] = createResource(loadConfig);
  const signedIn = () => {
    const s = session();
    return s.status === 'signed-in' ? s : undefined;
  };
  const [fallbackOrg] = createResource(() => {
    const s = signedIn();
    return s && s.activeOrganizationId === null ? s.user.id : false;
  }, pickFirstOrganization);

  // Zero is rebuilt exactly when the person, the organization or the
  // session (a new sign-in) changes.
  const key = createMemo<WorkspaceKey | undefined>(
    () => {
      const s = signedIn();
      const cfg = config.state === 'ready' ? config() : undefined;
      if (!s?.activeOrganizationId || !cfg) return undefined;
      return { userID: s.user.id, orgID: s.activeOrganizationId, epoch: sessionEpoch(), cacheURL: zeroCacheURL(cfg) };
    },
    undefined,
    {
      equals: (a, b) => a?.userID === b?.userID && a?.orgID === b?.orgID && a?.epoch === b?.epoch && a?.cacheURL === b?.cacheURL,
    },
  );

  const failure = () =>
    config.error ? errorMessage(config.error) : fallbackOrg.error ? errorMessage(fallbackOrg.error) : undefined;

  return (
    <Switch fallback={<LoadingScreen label="Opening your workspace…" />}>
      <Match when={failure()}>
        <main class="loading-screen">
          <p role="alert">Could not load your workspace: {failure()}</p>
          <Button class="button button-secondary" onClick={() => location.reload()}>
            Try again
          </Button>
        </main>
      </Match>
      <Match when={key()} keyed>
        {(k) => (
          <ZeroRoot userID={k.userID} orgID={k.orgID} cacheURL={k.cacheURL}>
            <CurrentOrganizationProvider orgID={k.orgID}>
              <AppShell>{props.children}</AppShell>
            </CurrentOrganizationProvider>
          </ZeroRoot>
        )}
      </Match>
      <Match when={fallbackOrg.state === 'ready' && fallbackOrg() === null}>
        <Navigate href="/organizations/new" />
      </Match>
    </Switch>
  );
}

/** Layout of the signed-in pages: needs a session and an organization. */
export function WorkspaceLayout(props: RouteSectionProps) {
  return (
    <RequireSignIn>
      <Workspace {...props} />
    </RequireSignIn>
  );
}
