import { TextField } from '@kobalte/core/text-field';
import { Show } from 'solid-js';

export interface TextAreaProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  description?: string;
  placeholder?: string;
  rows?: number;
  disabled?: boolean;
  hideLabel?: boolean;
  class?: string;
  ref?: (el: HTMLTextAreaElement) => void;
}

/** A labelled multi-line text field, errors wired up like TextInput's. */
export function TextArea(props: TextAreaProps) {
  return (
    <TextField
      class={`field ${props.class ?? ''}`}
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      validationState={props.error ? 'invalid' : 'valid'}
      disabled={props.disabled ?? false}
    >
      <TextField.Label class={props.hideLabel ? 'visually-hidden' : 'field-label'}>{props.label}</TextField.Label>
      <TextField.TextArea
        ref={props.ref}
        class="field-input field-textarea"
        rows={props.rows ?? 3}
        placeholder={props.placeholder}
        onBlur={() => props.onBlur?.()}
      />
      <Show when={props.description}>
        <TextField.Description class="field-description">{props.description}</TextField.Description>
      </Show>
      <TextField.ErrorMessage class="field-error">{props.error}</TextField.ErrorMessage>
    </TextField>
  );
}
