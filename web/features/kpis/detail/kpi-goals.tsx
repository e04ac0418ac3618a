import { useQuery } from '@rocicorp/zero/solid';
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { queries } from '../../../../sync/queries.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { PaceBadge } from '../../goals/pace.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { KpiProgressBar } from '../kpi-progress.tsx';
import { statusOfProgress } from '../kpi-status.ts';

/** The goals this KPI counts towards, with their (stored, live) progress. */
export function KpiGoals(props: { kpiID: string }) {
  const org = useCurrentOrganization();
  const weight = (w: number | undefined) => (w === undefined ? '—' : org.formats().number(w));
  const [goals, details] = useQuery(() => queries.goals.forKpi({ orgID: org.orgID, kpiID: props.kpiID }));
  return (
    <section class="panel" aria-labelledby="kpi-goals-title">
      <h2 id="kpi-goals-title">Goals this KPI feeds</h2>
      <QueryError details={details()} what="the goals" />
      <Show
        when={goals().length > 0}
        fallback={
          <p class="panel-hint">
            {details().type === 'complete' ? (
              <>
                No goal uses this KPI yet. <A href="/goals">Create a goal</A> to combine KPIs with weights.
              </>
            ) : (
              'Loading goals…'
            )}
          </p>
        }
      >
        <ul class="goal-mini-list" aria-label="Goals this KPI feeds">
          <For each={goals()}>
            {(goal) => (
              <li class="goal-mini" aria-label={goal.title}>
                <div class="goal-mini-head">
                  <A href={`/goals?goal=${goal.id}`} class="row-title">
                    {goal.title}
                  </A>
                  <PaceBadge pace={goal.pace} />
                </div>
                <span class="row-meta">
                  Due {org.formats().day(goal.targetDate)} · this KPI’s weight {weight(goal.goalKpis[0]?.weight)}
                </span>
                <KpiProgressBar
                  progress={goal.progress ?? null}
                  status={statusOfProgress(goal.progress)}
                  label={`Progress of ${goal.title}`}
                  valueText={(percent) => `${percent} complete`}
                />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
