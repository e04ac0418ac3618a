import { ROLE_LABELS, type Role } from '../../shared/roles.ts';
import { SelectMenu } from './select-menu.tsx';

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
    <SelectMenu<Role>
      class="field role-select"
      label={props.label}
      hideLabel={props.hideLabel}
      options={props.roles}
      value={props.value}
      onChange={props.onChange}
      text={(role) => ROLE_LABELS[role]}
      placeholder="Choose a role"
      disabled={props.disabled}
    />
  );
}
