import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createSignal, For, Show } from 'solid-js';
import { BUILTIN_PLAYBOOKS, PLAYBOOK_IDS, type PlaybookID } from '../../../shared/playbooks/builtins.ts';
import { can } from '../../../shared/roles.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { CopyEditor } from './copy-editor.tsx';
import { ExecutionList } from './execution-list.tsx';
import { StartExecution } from './start-execution.tsx';

/**
 * `/playbooks`: every open execution in the organization, live (an automatic
 * start appears here at once), starting one by hand, and the playbooks: the
 * five built-ins and the organization's own copies, which managers edit.
 */
export function PlaybooksPage() {
  const org = useCurrentOrganization();
  const [open, openDetails] = useQuery(() => queries.playbookExecutions.open({ orgID: org.orgID }));
  const [copies, copiesDetails] = useQuery(() => queries.playbookCopies.list({ orgID: org.orgID }));
  const [editing, setEditing] = createSignal<string>();
  const canManage = () => can(org.role(), 'playbook', 'manage');
  const copy = (id: PlaybookID) => void mutate(mutators.playbookCopy.create({ id: crypto.randomUUID(), sourcePlaybookID: id }));

  return (
    <WorkspacePage title="Playbooks" headingId="playbooks-title" subtitle="What the team does when an account needs it">
      <section class="panel" aria-labelledby="open-title">
        <h2 id="open-title">Open executions</h2>
        <QueryError details={openDetails()} what="the open executions" />
        <Show when={openDetails().type === 'complete' || open().length > 0} fallback={<p class="panel-hint">Loading…</p>}>
          <ExecutionList executions={open()} empty="No playbook is running." label="Open executions" />
        </Show>
        <StartExecution />
      </section>
      <section class="panel" aria-labelledby="builtins-title">
        <h2 id="builtins-title">Built-in playbooks</h2>
        <ul class="playbook-list">
          <For each={PLAYBOOK_IDS.map((id) => BUILTIN_PLAYBOOKS[id])}>
            {(p) => (
              <li>
                <strong>{p.name}</strong> · {p.durationDays} days · {p.steps.length} steps
                <p class="panel-hint">{p.purpose}</p>
                <p class="panel-hint">Exit criteria: {p.exitCriteria.join('; ')}</p>
                <Show when={canManage()}>
                  <Button class="button button-small" onClick={() => copy(p.id)} aria-label={`Copy to edit: ${p.name}`}>
                    Copy to edit
                  </Button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
      <section class="panel" aria-labelledby="copies-title">
        <h2 id="copies-title">Our playbooks</h2>
        <QueryError details={copiesDetails()} what="the organization’s playbooks" />
        <Show when={copies().length > 0} fallback={<p class="panel-hint">No copies yet: copy a built-in to make it your own.</p>}>
          <ul class="playbook-list">
            <For each={copies()}>
              {(c) => (
                <li>
                  <Show
                    when={editing() === c.id}
                    fallback={
                      <>
                        <strong>{c.name}</strong> · {c.durationDays} days · {c.steps.length} steps
                        <Show when={canManage()}>
                          <Button class="button button-ghost button-small" onClick={() => setEditing(c.id)}>
                            Edit {c.name}
                          </Button>
                          <Button
                            class="button button-ghost button-small"
                            onClick={() => void mutate(mutators.playbookCopy.delete({ id: c.id }))}
                          >
                            Delete {c.name}
                          </Button>
                        </Show>
                      </>
                    }
                  >
                    <CopyEditor copy={c} onDone={() => setEditing(undefined)} />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </WorkspacePage>
  );
}
