import { type Accessor, createSignal } from 'solid-js';
import { ApiError, errorMessage } from './api.ts';
import type { FieldErrors } from './forms.ts';
import { useWriteAccess } from './write-access.ts';

/** What to show when a submit fails: messages next to fields, and/or one above the form. */
export interface SubmitFailure<K extends string> {
  fields?: FieldErrors<K>;
  message?: string;
}

export interface SubmitOptions<K extends string, T> {
  /**
   * Sends the validated value. A thrown error is a failure; so is a returned
   * SubmitFailure, for refusals that arrive as a value (a Zero write's outcome).
   */
  action: (data: T) => Promise<SubmitFailure<K> | undefined> | Promise<void>;
  /** The fields a thrown API error belongs next to, if any; otherwise its message shows above the form. */
  fieldErrors?: (err: ApiError) => FieldErrors<K> | undefined;
  /**
   * The action navigates away: stay busy after it succeeds, so the button
   * stays disabled (and a page that redirects once signed in keeps showing
   * the form instead) until the page is gone.
   */
  leavesPage?: boolean;
}

/** A form's submit handler with its busy flag and form-level message (for a FormError). */
export interface Submit {
  busy: Accessor<boolean>;
  /** The form-level message; inside a role gate, why the person can no longer save, first. */
  error: Accessor<string | undefined>;
  /** The person's role no longer allows the write: the submit button is disabled, and says why in `error`. */
  blocked: Accessor<boolean>;
  /** Other ways in (e.g. the Google button) report their failures here too. */
  setError: (message: string | undefined) => void;
  onSubmit: (event: SubmitEvent) => Promise<void>;
}

/** The part of createFormState a submit needs. */
interface SubmittableForm<K extends string, T> {
  submit(): T | undefined;
  showErrors(found: FieldErrors<K>): void;
}

/**
 * The submit rhythm every form here shares: nothing is sent while a field is
 * invalid, the form is busy while the action runs, and a failure ends up next
 * to its fields or above the form.
 */
export function createSubmit<K extends string, T>(form: SubmittableForm<K, T>, options: SubmitOptions<K, T>): Submit {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const access = useWriteAccess();
  const lost = () => access?.lost();

  const failureOf = (err: unknown): SubmitFailure<K> => {
    const fields = err instanceof ApiError ? options.fieldErrors?.(err) : undefined;
    return fields ? { fields } : { message: errorMessage(err) };
  };

  return {
    busy,
    error: () => lost() ?? error(),
    blocked: () => lost() !== undefined,
    setError,
    async onSubmit(event: SubmitEvent) {
      event.preventDefault();
      if (lost()) return;
      setError(undefined);
      const data = form.submit();
      if (!data) return;
      setBusy(true);
      let failure: SubmitFailure<K> | undefined;
      try {
        failure = (await options.action(data)) ?? undefined;
      } catch (err) {
        failure = failureOf(err);
      }
      if (!failure && options.leavesPage) return;
      setBusy(false);
      if (failure?.fields) form.showErrors(failure.fields);
      if (failure?.message) setError(failure.message);
    },
  };
}
