import { Select } from '@kobalte/core/select';
import { ROLE_LABELS, type Role } from '../../shared/roles.ts';

export interface RoleSelectProps {
  roles: readonly Role[];
  value: Role | undefined;
  onChange: (role: Role) => void;
  /** Visible label; when `hideLabel` it only names the control. */
  label: string;
  hideLabel?: boolean;
  disabled?: boolean;
}

/** A Kobalte select of roles, showing their human labels. */
export function RoleSelect(props: RoleSelectProps) {
  return (
    <Select<Role>
      class="field role-select"
      options={[...props.roles]}
      value={props.value ?? null}
      onChange={(role) => role && props.onChange(role)}
      disabled={props.disabled ?? false}
      placeholder="Choose a role"
      gutter={6}
      itemComponent={(item) => (
        <Select.Item item={item.item} class="select-item">
          <Select.ItemLabel>{ROLE_LABELS[item.item.rawValue]}</Select.ItemLabel>
          <Select.ItemIndicator class="select-check">✓</Select.ItemIndicator>
        </Select.Item>
      )}
    >
      <Select.Label class={props.hideLabel ? 'visually-hidden' : 'field-label'}>{props.label}</Select.Label>
      <Select.Trigger class="select-trigger">
        <Select.Value<Role> class="select-value">{(state) => ROLE_LABELS[state.selectedOption()]}</Select.Value>
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
