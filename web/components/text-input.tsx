import { TextField } from '@kobalte/core/text-field';
import { type JSX, Show } from 'solid-js';

export interface TextInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  description?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'date' | 'datetime-local';
  /** Upper bound for date inputs (e.g. no future times). */
  max?: string;
  autocomplete?: JSX.InputHTMLAttributes<HTMLInputElement>['autocomplete'];
  inputMode?: JSX.InputHTMLAttributes<HTMLInputElement>['inputmode'];
  placeholder?: string;
  required?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  /** Visually hide the label (it still names the input). */
  hideLabel?: boolean;
  class?: string;
  ref?: (el: HTMLInputElement) => void;
}

/**
 * A labelled text input with its error message wired up for assistive tech
 * (Kobalte sets aria-invalid and aria-describedby).
 */
export function TextInput(props: TextInputProps) {
  return (
    <TextField
      class={`field ${props.class ?? ''}`}
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      validationState={props.error ? 'invalid' : 'valid'}
      required={props.required ?? false}
      readOnly={props.readOnly ?? false}
      disabled={props.disabled ?? false}
    >
      <TextField.Label class={props.hideLabel ? 'visually-hidden' : 'field-label'}>{props.label}</TextField.Label>
      <TextField.Input
        ref={props.ref}
        class="field-input"
        type={props.type ?? 'text'}
        autocomplete={props.autocomplete}
        inputmode={props.inputMode}
        placeholder={props.placeholder}
        max={props.max}
        onBlur={() => props.onBlur?.()}
      />
      <Show when={props.description}>
        <TextField.Description class="field-description">{props.description}</TextField.Description>
      </Show>
      <TextField.ErrorMessage class="field-error">{props.error}</TextField.ErrorMessage>
    </TextField>
  );
}
