import { useQuery } from '@rocicorp/zero/solid';
import { useSearchParams } from '@solidjs/router';
import { createEffect, For, Match, on, Switch } from 'solid-js';
import { can } from '../../../shared/roles.ts';
import { queries } from '../../../sync/queries.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import type { GoalWithKpis } from './goal-form.tsx';
import { GoalRow } from './goal-row.tsx';

/** The active or the archived goals, live (progress is stored on each goal by the server). */
export function GoalList(props: { archived: boolean }) {
  const org = useCurrentOrganization();
  const [goals, details] = useQuery(() => queries.goals.list({ orgID: org.orgID, archived: props.archived }));
  const [params] = useSearchParams<{ goal?: string }>();
  const canEdit = () => can(org.role(), 'goal', 'update');
  const canArchive = () => can(org.role(), 'goal', 'archive');

  // Opened from a KPI's page: bring that goal into view once it is there.
  createEffect(
    on(
      () => params.goal && goals().some((g) => g.id === params.goal),
      (found) => {
        if (!found) return;
        const el = document.getElementById(`goal-${params.goal}`);
        el?.scrollIntoView({ block: 'center' });
        el?.focus({ preventScroll: true });
      },
    ),
  );

  return (
    <>
      <QueryError details={details()} what="the goals" />
      <Switch>
        <Match when={goals().length === 0 && details().type === 'unknown'}>
          <div class="goal-grid" aria-busy="true">
            <p class="visually-hidden">Loading goals…</p>
            <div class="goal-card skeleton" aria-hidden="true" />
            <div class="goal-card skeleton" aria-hidden="true" />
          </div>
        </Match>
        <Match when={goals().length === 0 && details().type === 'complete'}>
          <div class="empty-state">
            <h2>{props.archived ? 'No archived goals' : 'No goals yet'}</h2>
            <p>
              {props.archived
                ? 'Archived goals are listed here and can be restored.'
                : can(org.role(), 'goal', 'create')
                  ? 'Create the first one with “New goal”: pick the KPIs it depends on and how much each counts.'
                  : 'When a manager creates a goal, it shows up here with its progress.'}
            </p>
          </div>
        </Match>
        <Match when={goals().length > 0}>
          <ul class="goal-grid" aria-label={props.archived ? 'Archived goals' : 'Goals'}>
            <For each={goals() as readonly GoalWithKpis[]}>
              {(goal) => (
                <li>
                  <GoalRow goal={goal} canEdit={canEdit()} canArchive={canArchive()} expanded={params.goal === goal.id} />
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </>
  );
}
