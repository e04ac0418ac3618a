import { Show } from 'solid-js';
import { type RowState, STATE_LABELS } from './drafts.ts';

/** A row's state in words: "Not yet saved" until the server has it; a refusal says why (the row stays editable). */
export function RowStateText(props: { state: RowState }) {
  return (
    <span class="row-state" data-state={props.state.kind}>
      {STATE_LABELS[props.state.kind]}
      <Show when={props.state.kind === 'refused' && props.state}>
        {(refused) => <span class="row-state-reason">: {refused().reason}. Fix it and save again.</span>}
      </Show>
    </span>
  );
}

/** Above a one-entry form: the entry the server refused, and why, now in the form to fix. */
export function RefusedNotice(props: { state: RowState | undefined }) {
  return (
    <Show when={props.state?.kind === 'refused' && props.state}>
      {(state) => (
        <p class="form-error" role="alert">
          <RowStateText state={state()} />
        </p>
      )}
    </Show>
  );
}
