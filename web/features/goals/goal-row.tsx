import { Button } from '@kobalte/core/button';
import { Collapsible } from '@kobalte/core/collapsible';
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { normalizeWeights } from '../../../shared/goals.ts';
import { mutators } from '../../../sync/mutators.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { KpiProgressBar } from '../kpis/kpi-progress.tsx';
import { progressOf, STATUS_LABELS, statusOf, statusOfProgress } from '../kpis/kpi-status.ts';
import { useFormats } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';
import { RoleGate } from '../workspace/role-gate.tsx';
import { EditGoalDialog } from './goal-dialogs.tsx';
import { type GoalWithKpis, sortedLinks } from './goal-form.tsx';
import { GOAL_STATUS_LABELS, PaceBadge } from './pace.tsx';

export interface GoalRowProps {
  goal: GoalWithKpis;
  canEdit: boolean;
  canArchive: boolean;
  /** Opened from a link (?goal=id): show its KPIs. */
  expanded?: boolean;
}

/** One goal: its stored (live) progress and pace, and, unfolded, the KPIs it weighs. */
export function GoalRow(props: GoalRowProps) {
  const fmt = useFormats();
  const archived = () => props.goal.archivedAt !== null && props.goal.archivedAt !== undefined;
  const links = createMemo(() => sortedLinks(props.goal));
  const shares = createMemo(() => normalizeWeights(links()));
  const run = async (request: Parameters<typeof mutate>[0]) => (await mutate(request)).status !== 'rejected';

  return (
    <article class="goal-card" id={`goal-${props.goal.id}`} tabIndex={-1} aria-label={props.goal.title}>
      <div class="goal-head">
        <h2 class="goal-title">{props.goal.title}</h2>
        <PaceBadge pace={props.goal.pace} />
      </div>
      <p class="row-meta">
        Due {fmt().day(props.goal.targetDate)} · {GOAL_STATUS_LABELS[props.goal.status] ?? props.goal.status} ·{' '}
        {props.goal.goalKpis.length === 1 ? '1 KPI' : `${props.goal.goalKpis.length} KPIs`}
      </p>
      <Show when={props.goal.description}>
        <p class="goal-description">{props.goal.description}</p>
      </Show>
      <KpiProgressBar
        progress={props.goal.progress ?? null}
        status={statusOfProgress(props.goal.progress)}
        label="Progress"
        valueText={(percent) => `${percent} complete`}
      />
      <Collapsible class="goal-kpis-collapsible" defaultOpen={props.expanded ?? false}>
        <div class="goal-actions">
          <Collapsible.Trigger
            class="button button-small button-ghost collapsible-trigger"
            aria-label={`KPIs of ${props.goal.title}`}
          >
            KPIs
          </Collapsible.Trigger>
          <Show when={!archived()}>
            <RoleGate allowed={props.canEdit} action="edit goals">
              <EditGoalDialog goal={props.goal} />
            </RoleGate>
          </Show>
          <Show when={props.canArchive}>
            <Show
              when={archived()}
              fallback={
                <ConfirmButton
                  label="Archive"
                  ariaLabel={`Archive ${props.goal.title}`}
                  title={`Archive ${props.goal.title}?`}
                  description="It leaves the goals list; its KPIs and their data are untouched. You can restore it from Archived."
                  confirmLabel="Archive"
                  busyLabel="Archiving…"
                  onConfirm={() => run(mutators.goal.archive({ id: props.goal.id }))}
                />
              }
            >
              <Button
                class="button button-small button-primary"
                aria-label={`Restore ${props.goal.title}`}
                onClick={() => void run(mutators.goal.restore({ id: props.goal.id }))}
              >
                Restore
              </Button>
            </Show>
          </Show>
        </div>
        <Collapsible.Content class="collapsible-content">
          <Show
            when={props.goal.goalKpis.length > 0}
            fallback={<p class="panel-hint">No KPIs yet. Edit the goal to add some.</p>}
          >
            <table class="data-table goal-kpi-table stack-table">
              <caption class="visually-hidden">KPIs of {props.goal.title}</caption>
              <thead>
                <tr>
                  <th scope="col">KPI</th>
                  <th scope="col">Current</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Weight</th>
                </tr>
              </thead>
              <tbody>
                <For each={links()}>
                  {(link, i) => (
                    <tr>
                      <td data-label="KPI">
                        <Show when={link.kpi} fallback="Unknown KPI">
                          {(k) => (
                            <A href={`/kpis/${k().id}`}>
                              {k().name}
                              {k().archivedAt ? ' (archived)' : ''}
                            </A>
                          )}
                        </Show>
                      </td>
                      <td data-label="Current" class="num">
                        {link.kpi?.currentValue !== null && link.kpi?.currentValue !== undefined
                          ? fmt().quantity(link.kpi.currentValue, link.kpi.unit)
                          : 'No data'}
                      </td>
                      <td data-label="Progress">
                        {link.kpi ? `${fmt().percent(progressOf(link.kpi))} · ${STATUS_LABELS[statusOf(link.kpi)]}` : '—'}
                      </td>
                      <td data-label="Weight" class="num">
                        {fmt().percent(shares()[i()] ?? 0)} <span class="row-meta">({fmt().number(link.weight)})</span>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Collapsible.Content>
      </Collapsible>
    </article>
  );
}
