import { TextField } from '@kobalte/core/text-field';
import { type JSX, Show } from 'solid-js';

export interface FieldFrameProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string | undefined;
  required?: boolean | undefined;
  readOnly?: boolean | undefined;
  disabled?: boolean | undefined;
  /** Visually hide the label (it still names the control). */
  hideLabel?: boolean | undefined;
  class?: string | undefined;
  /** The control itself: a TextField.Input or TextField.TextArea. */
  children: JSX.Element;
}

/**
 * The label, description and error message around a Kobalte text control,
 * wired up for assistive tech (Kobalte sets aria-invalid and aria-describedby).
 */
export function FieldFrame(props: FieldFrameProps) {
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
      {props.children}
      <Show when={props.description}>
        <TextField.Description class="field-description">{props.description}</TextField.Description>
      </Show>
      <TextField.ErrorMessage class="field-error">{props.error}</TextField.ErrorMessage>
    </TextField>
  );
}
