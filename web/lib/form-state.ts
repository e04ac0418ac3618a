import { createSignal } from 'solid-js';
import type { z } from 'zod';
import { type FieldErrors, focusFirstError, zodFieldErrors } from './forms.ts';
import { useWriteAccess } from './write-access.ts';

export interface FormOptions<K extends string, T> {
  fields: readonly K[];
  initial: Record<K, string>;
  /** Turns the raw input texts into the validated value (a shared zod schema). */
  parse: (values: Record<K, string>) => z.ZodSafeParseResult<T>;
}

/**
 * The state every form here shares: raw texts, field errors, and the
 * validation rhythm. A field is checked when it loses focus (if touched),
 * re-checked while typing once it shows an error (so the message clears as
 * soon as it is fixed, without moving the layout under the pointer on the
 * next click), and every field is checked on submit, with focus moved to
 * the first bad one.
 *
 * Inside a role gate, a form with typed text keeps the gate open: a person
 * demoted meanwhile keeps their text (see web/features/workspace/role-gate.tsx).
 */
export function createFormState<K extends string, T>(options: FormOptions<K, T>) {
  const [values, setValues] = createSignal<Record<K, string>>({ ...options.initial });
  const [errors, setErrors] = createSignal<FieldErrors<K>>({});
  const inputs: Partial<Record<K, HTMLElement>> = {};
  const dirty = () => options.fields.some((f) => values()[f] !== options.initial[f]);
  useWriteAccess()?.holdWhile(dirty);

  const messageFor = (field: K): string | undefined => {
    const result = options.parse(values());
    return result.success ? undefined : zodFieldErrors(result.error, options.fields)[field];
  };
  const recheck = (field: K) => setErrors((e) => ({ ...e, [field]: messageFor(field) }));
  const showErrors = (found: FieldErrors<K>) => {
    setErrors(() => found);
    focusFirstError(options.fields, found, inputs);
  };
  const setValue = (field: K, value: string) => {
    if (values()[field] === value) return;
    setValues((v) => ({ ...v, [field]: value }));
    if (errors()[field]) recheck(field);
  };
  const blur = (field: K) => {
    if (values()[field] === '' && !errors()[field]) return;
    recheck(field);
  };

  return {
    values,
    errors,
    /** Something was typed that is not saved. */
    dirty,
    setValue,
    blur,
    showErrors,
    /** Validates everything; returns the parsed value, or undefined after showing the errors. */
    submit(): T | undefined {
      const result = options.parse(values());
      if (result.success) {
        setErrors({});
        return result.data;
      }
      showErrors(zodFieldErrors(result.error, options.fields));
      return undefined;
    },
    focus(field: K) {
      inputs[field]?.focus();
    },
    reset() {
      setValues(() => ({ ...options.initial }));
      setErrors({});
    },
    /** Props wiring one field to a TextInput (or SelectField, TextArea): `<TextInput label="Name" {...form.bind('name')} />`. */
    bind(field: K) {
      return {
        name: field,
        get value() {
          return values()[field];
        },
        get error() {
          return errors()[field];
        },
        onChange: (value: string) => setValue(field, value),
        onBlur: () => blur(field),
        ref: (el: HTMLElement) => {
          inputs[field] = el;
        },
      };
    },
  };
}
