import { TextField } from '@kobalte/core/text-field';
import type { JSX } from 'solid-js';
import { FieldFrame } from './field-frame.tsx';

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

/** A labelled text input with its error message (see FieldFrame). */
export function TextInput(props: TextInputProps) {
  return (
    <FieldFrame {...props}>
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
    </FieldFrame>
  );
}
