import { Select, type SelectRootOptions } from '@kobalte/core/select';

export interface SelectMenuProps<T> {
  /** Class of the root; the trigger is `select-trigger` plus `triggerClass`. */
  class: string;
  triggerClass?: string;
  /** Visible label; when `hideLabel` it only names the control. */
  label: string;
  hideLabel?: boolean;
  options: readonly T[];
  value: T | undefined;
  /** Called with the option picked (never with "none"). */
  onChange: (option: T) => void;
  /** What an option reads as, in the list and in the trigger. */
  text: (option: T) => string;
  /** For options that are objects: their key, and the text typeahead matches. */
  optionValue?: SelectRootOptions<T>['optionValue'];
  optionTextValue?: SelectRootOptions<T>['optionTextValue'];
  placeholder: string;
  disabled?: boolean;
}

/** A single-choice Kobalte select in the app's look: a labelled trigger and a checked list. */
export function SelectMenu<T>(props: SelectMenuProps<T>) {
  return (
    <Select<T>
      class={props.class}
      options={[...props.options]}
      optionValue={props.optionValue}
      optionTextValue={props.optionTextValue}
      value={props.value ?? null}
      onChange={(option) => option !== null && props.onChange(option)}
      disabled={props.disabled ?? false}
      placeholder={props.placeholder}
      gutter={6}
      itemComponent={(item) => (
        <Select.Item item={item.item} class="select-item">
          <Select.ItemLabel>{props.text(item.item.rawValue)}</Select.ItemLabel>
          <Select.ItemIndicator class="select-check">✓</Select.ItemIndicator>
        </Select.Item>
      )}
    >
      <Select.Label class={props.hideLabel ? 'visually-hidden' : 'field-label'}>{props.label}</Select.Label>
      <Select.Trigger class={props.triggerClass ? `select-trigger ${props.triggerClass}` : 'select-trigger'}>
        <Select.Value<T> class="select-value">
          {(state) => {
            const chosen = state.selectedOption();
            return chosen == null ? undefined : props.text(chosen);
          }}
        </Select.Value>
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
