import { createSignal } from 'solid-js';
import { SelectMenu } from '../../components/select-menu.tsx';
import { showToast } from '../../components/toast.tsx';
import { errorMessage } from '../../lib/api.ts';
import { type OrganizationRow, useCurrentOrganization } from './current-organization.tsx';
import { setActiveOrganization } from './organizations-api.ts';

/**
 * Lists the person's organizations (live). Choosing one makes it the
 * session's active organization on the server, so it sticks across reloads;
 * the workspace then rebuilds Zero for it.
 */
export function OrganizationSwitcher() {
  const org = useCurrentOrganization();
  const [switching, setSwitching] = createSignal(false);

  const choose = async (row: OrganizationRow) => {
    if (row.id === org.orgID) return;
    setSwitching(true);
    try {
      await setActiveOrganization(row.id);
    } catch (err) {
      showToast({ title: 'Could not switch organization', description: errorMessage(err), tone: 'error' });
    } finally {
      setSwitching(false);
    }
  };

  return (
    <SelectMenu<OrganizationRow>
      class="org-switcher"
      triggerClass="org-switcher-trigger"
      label="Organization"
      hideLabel
      options={org.organizations()}
      optionValue="id"
      optionTextValue="name"
      value={org.organization()}
      onChange={(row) => void choose(row)}
      text={(row) => row.name}
      placeholder={org.ready() ? 'Choose an organization' : 'Loading…'}
      disabled={switching()}
    />
  );
}
