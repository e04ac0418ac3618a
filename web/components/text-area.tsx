import { TextField } from '@kobalte/core/text-field';
import { FieldFrame } from './field-frame.tsx';

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

/** A labelled multi-line text field, errors wired up like TextInput's (see FieldFrame). */
export function TextArea(props: TextAreaProps) {
  return (
    <FieldFrame {...props}>
      <TextField.TextArea
        ref={props.ref}
        class="field-input field-textarea"
        rows={props.rows ?? 3}
        placeholder={props.placeholder}
        onBlur={() => props.onBlur?.()}
      />
    </FieldFrame>
  );
}
