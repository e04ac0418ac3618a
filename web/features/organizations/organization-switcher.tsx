import { Select } from '@kobalte/core/select';
import { createSignal } from 'solid-js';
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

  const choose = async (row: OrganizationRow | null) => {
    if (!row || row.id === org.orgID) return;
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
    <Select<OrganizationRow>
      class="org-switcher"
      options={[...org.organizations()]}
      optionValue="id"
      optionTextValue="name"
      value={org.organization() ?? null}
      onChange={(row) => void choose(row)}
      disabled={switching()}
      placeholder={org.ready() ? 'Choose an organization' : 'Loading…'}
      gutter={6}
      itemComponent={(props) => (
        <Select.Item item={props.item} class="select-item">
          <Select.ItemLabel>{props.item.rawValue.name}</Select.ItemLabel>
          <Select.ItemIndicator class="select-check">✓</Select.ItemIndicator>
        </Select.Item>
      )}
    >
      <Select.Label class="visually-hidden">Organization</Select.Label>
      <Select.Trigger class="select-trigger org-switcher-trigger">
        <Select.Value<OrganizationRow> class="select-value">{(state) => state.selectedOption()?.name}</Select.Value>
        <Select.Icon class="select-icon">▾</Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content class="select-content">
          <Select.Listbox class="select-listbox" />
        </Select.Content>
      </Select.Portal>
    </Select>
  );
}
