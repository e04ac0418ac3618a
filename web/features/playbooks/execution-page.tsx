import { useQuery } from '@rocicorp/zero/solid';
import { useParams } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { EXECUTION_STATUS_LABELS, type StepField } from '../../../shared/playbooks/executions.ts';
import type { ReportData } from '../../../shared/playbooks/report.ts';
import { can } from '../../../shared/roles.ts';
import { EDITING_STALE_MS } from '../../../sync/mutators/playbook-executions/editing.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { PlaybookExecution } from '../../../sync/schema.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { LoadingScreen } from '../../components/loading-screen.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { currentUser } from '../auth/session.ts';
import { useCurrentOrganization, useFormats } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { type Focus, useEditingHeartbeat } from './editing-presence.ts';
import { ReportView } from './report-view.tsx';
import { type Note, type Step, StepCard } from './step-card.tsx';

type Full = PlaybookExecution & {
  account?: { name: string };
  steps: readonly Step[];
  notes: readonly Note[];
  editing: readonly {
    userID: string;
    stepID?: string | null;
    field?: StepField | null;
    seenAt: number;
    user?: { name: string };
  }[];
  report?: { reportData: ReportData; generatedAt: number };
};

/**
 * `/executions/:id`: one playbook execution, worked by several people at
 * once: every step's status, assignee, due date, result and notes, live, with
 * who is editing what; the RACI report once it completes; managers complete
 * or cancel it by hand.
 */
export function ExecutionPage() {
  const params = useParams<{ id: string }>();
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const [row, details] = useQuery(() => queries.playbookExecutions.byId({ orgID: org.orgID, executionID: params.id }));
  const [members] = useQuery(() => queries.members.list({ orgID: org.orgID }));
  const execution = () => row() as Full | undefined;
  const canWork = () => can(org.role(), 'playbookStep', 'work') && execution()?.status === 'active';
  const canManage = () => can(org.role(), 'playbookExecution', 'manage');
  const [focus, setFocus] = createSignal<Focus>(null);
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 5_000);
  onCleanup(() => clearInterval(tick));
  useEditingHeartbeat({ executionID: () => params.id, focus, enabled: () => can(org.role(), 'playbookEditing', 'update') });

  const editors = createMemo(() =>
    (execution()?.editing ?? [])
      .filter((e) => e.userID !== currentUser()?.id && now() - e.seenAt < EDITING_STALE_MS)
      .map((e) => ({ stepID: e.stepID ?? null, field: e.field ?? null, name: e.user?.name ?? 'Someone' })),
  );
  // The steps by id, not by row: a step row replaced by someone else's change
  // updates its card in place, so a note or result being typed there stays.
  const stepIDs = createMemo(() => (execution()?.steps ?? []).map((s) => s.id), [], {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  });
  const people = createMemo(() => members().map((m) => ({ userID: m.userID, name: m.user?.name ?? 'Member' })));
  const progress = () => {
    const steps = execution()?.steps ?? [];
    return `${steps.filter((s) => s.status === 'done' || s.status === 'skipped').length} of ${steps.length} steps finished`;
  };

  return (
    <Show
      when={execution()}
      fallback={
        <Show when={details().type === 'complete'} fallback={<LoadingScreen label="Loading the execution" />}>
          <WorkspacePage title="Execution not found" headingId="execution-title" subtitle="It may have been deleted.">
            <QueryError details={details()} what="the execution" />
          </WorkspacePage>
        </Show>
      }
    >
      {(e) => (
        <WorkspacePage
          title={`${e().playbookName}: ${e().account?.name ?? 'account'}`}
          headingId="execution-title"
          subtitle={
            <>
              <span class="status-chip" data-status={e().status}>
                {EXECUTION_STATUS_LABELS[e().status]}
              </span>{' '}
              {progress()} · started {e().triggeredBy === 'auto' ? 'automatically' : 'by hand'} {fmt().dateTime(e().startedAt)} ·
              due {fmt().date(e().dueAt)}
            </>
          }
          actions={
            <Show when={canManage() && e().status === 'active'}>
              <div class="button-row">
                <ConfirmButton
                  label="Complete"
                  title="Complete this execution?"
                  description="Its steps stay as they are, and its RACI report is made now."
                  confirmLabel="Complete now"
                  onConfirm={async () =>
                    (await mutate(mutators.playbookExecution.complete({ id: e().id }))).status !== 'rejected'
                  }
                />
                <ConfirmButton
                  label="Cancel execution"
                  title="Cancel this execution?"
                  description="It stops here; its report says it was cancelled."
                  confirmLabel="Cancel it"
                  danger
                  onConfirm={async () => (await mutate(mutators.playbookExecution.cancel({ id: e().id }))).status !== 'rejected'}
                />
              </div>
            </Show>
          }
        >
          <Show when={e().report}>{(r) => <ReportView report={r().reportData} generatedAt={r().generatedAt} />}</Show>
          <ol class="playbook-steps" aria-label="Steps">
            <For each={stepIDs()}>
              {(id, i) => (
                <Show when={e().steps.find((s) => s.id === id)}>
                  {(s) => (
                    <StepCard
                      step={s()}
                      number={i() + 1}
                      notes={e().notes.filter((n) => n.stepID === id)}
                      editors={editors()}
                      members={people()}
                      canWork={canWork()}
                      onFocus={setFocus}
                    />
                  )}
                </Show>
              )}
            </For>
          </ol>
        </WorkspacePage>
      )}
    </Show>
  );
}
