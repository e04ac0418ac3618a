import { Show } from 'solid-js';

/** A form-level message (e.g. "Invalid email or password"), announced when it appears. */
export function FormError(props: { message: string | undefined }) {
  return (
    <div class="form-error-slot" aria-live="assertive">
      <Show when={props.message}>
        <p class="form-error" role="alert">
          {props.message}
        </p>
      </Show>
    </div>
  );
}
