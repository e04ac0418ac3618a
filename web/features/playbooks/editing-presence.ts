import { useZero } from '@rocicorp/zero/solid';
import { createEffect, on, onCleanup } from 'solid-js';
import type { StepField } from '../../../shared/playbooks/executions.ts';
import { EDITING_HEARTBEAT_MS } from '../../../sync/mutators/playbook-executions/editing.ts';
import { mutators } from '../../../sync/mutators.ts';
import type { MutateRequest } from '../sync/mutate.ts';

export type Focus = { stepID: string; field: StepField } | null;

/**
 * Says which step and field the person is editing on an execution page (or
 * none), at once when it changes and every few seconds, and "gone" when they
 * leave. Only operators and up say it (a viewer edits nothing).
 */
export function useEditingHeartbeat(opts: { executionID: () => string; focus: () => Focus; enabled: () => boolean }) {
  // Straight to Zero, not through mutate(): presence is not a change the person made.
  const zero = useZero();
  const send = (request: MutateRequest) => {
    zero()
      .mutate(request)
      .server.catch(() => undefined);
  };
  const beat = () => {
    if (!opts.enabled()) return;
    const f = opts.focus();
    send(mutators.playbookEditing.touch({ executionID: opts.executionID(), stepID: f?.stepID ?? null, field: f?.field ?? null }));
  };
  createEffect(on([opts.executionID, opts.focus, opts.enabled], beat));
  const timer = setInterval(beat, EDITING_HEARTBEAT_MS);
  createEffect(
    on(opts.executionID, (id) => {
      onCleanup(() => opts.enabled() && send(mutators.playbookEditing.leave({ executionID: id })));
    }),
  );
  onCleanup(() => clearInterval(timer));
}
