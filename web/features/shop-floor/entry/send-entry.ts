import { type MutateRequest, mutate } from '../../sync/mutate.ts';
import { type RowState, stateOf } from './drafts.ts';

/**
 * Sends one entry through its Zero mutator (applied on this device at once)
 * and tells `onState` each state it goes through: "not yet saved" until the
 * server confirms it (however long the link is down), then "saved", or the
 * server's refusal with its reason.
 */
export async function sendEntry(request: MutateRequest, onState: (state: RowState) => void): Promise<void> {
  let settled = false;
  const outcome = await mutate(request, {
    onSettled: (final) => {
      settled = true;
      onState(stateOf(final));
    },
  });
  if (!settled) onState(stateOf(outcome));
}
