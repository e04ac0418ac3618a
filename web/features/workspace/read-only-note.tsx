import { Show } from 'solid-js';
import { ROLE_LABELS } from '../../../shared/roles.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';

/**
 * Said where a page's actions would be, for a role that may take none of
 * them: the buttons are missing on purpose, not broken or still loading.
 * Plain text, so it is read in order and needs no hover.
 */
export function ReadOnlyNote() {
  const org = useCurrentOrganization();
  return (
    <Show when={org.role()}>
      {(role) => (
        <p class="read-only-note">
          Read-only for your role <span class="read-only-role">({ROLE_LABELS[role()]})</span>
        </p>
      )}
    </Show>
  );
}
