import { useQuery } from '@rocicorp/zero/solid';
import { For, Show } from 'solid-js';
import { apiKeyRolesFor } from '../../../shared/platform/api-key-roles.ts';
import { isRole, ROLE_LABELS } from '../../../shared/roles.ts';
import { queries } from '../../../sync/queries.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { showToast } from '../../components/toast.tsx';
import { errorMessage } from '../../lib/api.ts';
import { timeAgo } from '../kpis/format.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { ApiKeyCreateForm } from './api-key-create-form.tsx';
import { revokeApiKey } from './api-keys-api.ts';

/** API keys for scripts and integrations: list (live), create, revoke. Owners and admins only. */
export function ApiKeysPanel() {
  const org = useCurrentOrganization();
  const [keys, details] = useQuery(() => queries.apiKeys.list({ orgID: org.orgID }));
  const roles = () => apiKeyRolesFor(org.role());

  const revoke = async (id: string, name: string) => {
    try {
      await revokeApiKey(org.orgID, id);
      showToast({ title: `Key “${name}” revoked`, description: 'Requests with it are refused from now on.', tone: 'success' });
      return true;
    } catch (err) {
      showToast({ title: 'Could not revoke the key', description: errorMessage(err), tone: 'error' });
      return false;
    }
  };

  return (
    <section class="panel" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">API keys</h2>
      <p class="panel-hint">For scripts and integrations that send data points through the REST API.</p>
      <QueryError details={details()} what="the API keys" />
      <Show
        when={keys().length > 0}
        fallback={<p class="panel-hint">{details().type === 'complete' ? 'No keys yet.' : 'Loading keys…'}</p>}
      >
        <ul class="row-list" aria-label="API keys">
          <For each={keys()}>
            {(key) => (
              <li class="row" aria-label={key.name}>
                <div class="row-main">
                  <span class="row-title">
                    {key.name} <code class="key-prefix">{key.prefix}…</code>
                  </span>
                  <span class="row-meta">
                    {isRole(key.role) ? ROLE_LABELS[key.role] : key.role} · created {org.formats().date(key.createdAt)}
                    {key.creator?.name ? ` by ${key.creator.name}` : ''} ·{' '}
                    {key.lastUsedAt ? `last used ${timeAgo(key.lastUsedAt)}` : 'never used'}
                  </span>
                </div>
                <Show
                  when={!key.revokedAt}
                  fallback={<span class="row-meta">Revoked {org.formats().date(key.revokedAt ?? 0)}</span>}
                >
                  <ConfirmButton
                    label="Revoke"
                    ariaLabel={`Revoke key ${key.name}`}
                    title={`Revoke “${key.name}”?`}
                    description="Anything using this key stops working at once. This cannot be undone; create a new key if you need one."
                    confirmLabel="Revoke"
                    busyLabel="Revoking…"
                    onConfirm={() => revoke(key.id, key.name)}
                  />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ApiKeyCreateForm orgID={org.orgID} roles={roles()} />
    </section>
  );
}
