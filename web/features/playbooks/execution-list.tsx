import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EXECUTION_STATUS_LABELS } from '../../../shared/playbooks/executions.ts';
import type { PlaybookExecution } from '../../../sync/schema.ts';
import { useFormats } from '../organizations/current-organization.tsx';

export type ListedExecution = PlaybookExecution & {
  account?: { name: string } | undefined;
  steps: readonly { status: string }[];
};

/** Executions as a list: playbook, account, progress, how it started; each opens its page. */
export function ExecutionList(props: { executions: readonly ListedExecution[]; empty: string; label: string }) {
  const fmt = useFormats();
  const finished = (e: ListedExecution) => e.steps.filter((s) => s.status === 'done' || s.status === 'skipped').length;
  return (
    <Show when={props.executions.length > 0} fallback={<p class="panel-hint">{props.empty}</p>}>
      <ul class="execution-list" aria-label={props.label}>
        <For each={props.executions}>
          {(e) => (
            <li>
              <A href={`/executions/${e.id}`}>
                {e.playbookName}
                {e.account ? ` · ${e.account.name}` : ''}
              </A>{' '}
              <span class="status-chip" data-status={e.status}>
                {EXECUTION_STATUS_LABELS[e.status]}
              </span>{' '}
              <span class="panel-hint">
                {finished(e)}/{e.steps.length} steps · {e.triggeredBy === 'auto' ? 'started automatically' : 'started by hand'}{' '}
                {fmt().dateTime(e.startedAt)}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
