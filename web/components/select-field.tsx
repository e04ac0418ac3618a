import { Select } from '@kobalte/core/select';
import { createMemo, Show } from 'solid-js';
import { usePortalMount } from './portal-mount.ts';

export interface SelectOption {
  value: string;
  label: string;
}

interface Keyed extends SelectOption {
  /** Kobalte keys options by a string; prefixing keeps the empty value ("no unit") a valid key. */
  key: string;
}

export interface SelectFieldProps {
  label: string;
  name: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  description?: string;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  hideLabel?: boolean;
  class?: string;
  /** The trigger button, so a form can move focus to a field with an error. */
  ref?: (el: HTMLButtonElement) => void;
}

/**
 * A labelled single-choice select for forms and toolbars (Kobalte Select):
 * the value is a plain string, errors and descriptions are wired to the
 * trigger for assistive tech.
 */
export function SelectField(props: SelectFieldProps) {
  const keyed = createMemo<Keyed[]>(() => props.options.map((o) => ({ ...o, key: `v:${o.value}` })));
  const mount = usePortalMount();
  const selected = () => keyed().find((o) => o.value === props.value) ?? null;

  return (
    <Select<Keyed>
      class={`field ${props.class ?? ''}`}
      name={props.name}
      options={keyed()}
      optionValue="key"
      optionTextValue="label"
      value={selected()}
      // Kobalte may report the current option again when the option objects are rebuilt; only a real change is passed on.
      onChange={(option) => option && option.value !== props.value && props.onChange(option.value)}
      validationState={props.error ? 'invalid' : 'valid'}
      required={props.required ?? false}
      disabled={props.disabled ?? false}
      placeholder={props.placeholder ?? 'Choose…'}
      gutter={6}
      itemComponent={(item) => (
        <Select.Item item={item.item} class="select-item">
          <Select.ItemLabel>{item.item.rawValue.label}</Select.ItemLabel>
          <Select.ItemIndicator class="select-check">✓</Select.ItemIndicator>
        </Select.Item>
      )}
    >
      <Select.Label class={props.hideLabel ? 'visually-hidden' : 'field-label'}>{props.label}</Select.Label>
      <Select.Trigger class="select-trigger field-select" ref={props.ref} onBlur={() => props.onBlur?.()}>
        <Select.Value<Keyed> class="select-value">{(state) => state.selectedOption()?.label}</Select.Value>
        <Select.Icon class="select-icon">▾</Select.Icon>
      </Select.Trigger>
      <Show when={props.description}>
        <Select.Description class="field-description">{props.description}</Select.Description>
      </Show>
      <Select.ErrorMessage class="field-error">{props.error}</Select.ErrorMessage>
      <Select.Portal mount={mount()}>
        <Select.Content class="select-content">
          <Select.Listbox class="select-listbox" />
        </Select.Content>
      </Select.Portal>
    </Select>
  );
}
