import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';

/**
 * The active organization is not (or no longer) one of the person's: they
 * were removed, or the link was stale. Nothing of it is shown.
 */
export function NoAccessNotice() {
  const org = useCurrentOrganization();
  return (
    <section class="notice" aria-labelledby="no-access-title">
      <h1 id="no-access-title">No access to this organization</h1>
      <p>You are not a member of this organization (any more).</p>
      <Show
        when={org.organizations().length > 0}
        fallback={
          <p>
            <A href="/organizations/new">Create an organization</A> or open an invite link you were sent.
          </p>
        }
      >
        <p>Choose another organization with the Organization menu above.</p>
      </Show>
    </section>
  );
}
