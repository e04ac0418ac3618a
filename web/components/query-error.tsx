import { Button } from '@kobalte/core/button';
import type { QueryResultDetails } from '@rocicorp/zero';
import { Show } from 'solid-js';

/** "Could not load X" with a Retry button, when a synced query fails. */
export function QueryError(props: { details: QueryResultDetails; what: string }) {
  const failure = () => (props.details.type === 'error' ? props.details : undefined);
  return (
    <Show when={failure()}>
      {(f) => (
        <div class="form-error query-error" role="alert">
          Could not load {props.what}: {f().error.message}. Check your connection, then{' '}
          <Button class="button button-small button-secondary" onClick={() => f().retry()}>
            Retry
          </Button>
        </div>
      )}
    </Show>
  );
}
