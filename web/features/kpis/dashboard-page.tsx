import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createSignal, For, Index, Match, onCleanup, Show, Switch } from 'solid-js';
import { can } from '../../../shared/roles.ts';
import { queries } from '../../../sync/queries.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { KpiCard } from './kpi-card.tsx';
import { NewKpiDialog } from './new-kpi-dialog.tsx';

function KpiSkeletons() {
  return (
    <div class="kpi-grid" aria-busy="true">
      <p class="visually-hidden">Loading KPIs…</p>
      <Index each={[1, 2, 3]}>{() => <div class="kpi-card skeleton" aria-hidden="true" />}</Index>
    </div>
  );
}

/** The organization's KPIs as live cards. */
export function DashboardPage() {
  const org = useCurrentOrganization();
  const [kpis, details] = useQuery(() => queries.kpis.list({ orgID: org.orgID }));
  const [dialogOpen, setDialogOpen] = createSignal(false);
  // One clock for every card's "updated … ago".
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(tick));

  const canCreate = () => can(org.role(), 'kpi', 'create');
  const canAddData = () => can(org.role(), 'dataPoint', 'create');
  const queryError = () => {
    const d = details();
    return d.type === 'error' ? d : undefined;
  };
  const loading = () => kpis().length === 0 && details().type !== 'complete';

  return (
    <WorkspacePage
      title="Dashboard"
      headingId="dashboard-title"
      subtitle={org.organization()?.name}
      actions={
        <Show when={canCreate()}>
          <NewKpiDialog open={dialogOpen()} onOpenChange={setDialogOpen} />
        </Show>
      }
    >
      <Show when={queryError()}>
        {(failed) => (
          <div class="form-error" role="alert">
            Could not load the KPIs: {failed().error.message}{' '}
            <Button class="button button-small button-secondary" onClick={() => failed().retry()}>
              Retry
            </Button>
          </div>
        )}
      </Show>
      <Switch>
        <Match when={loading()}>
          <KpiSkeletons />
        </Match>
        <Match when={kpis().length === 0}>
          <div class="empty-state">
            <h2>No KPIs yet</h2>
            <Show when={canCreate()} fallback={<p>When someone who manages KPIs creates one, it shows up here straight away.</p>}>
              <p>Create the first one: give it a name and a target, then add data points as they come in.</p>
              <Button class="button button-primary" onClick={() => setDialogOpen(true)}>
                Create the first KPI
              </Button>
            </Show>
          </div>
        </Match>
        <Match when={kpis().length > 0}>
          <ul class="kpi-grid" aria-label="KPIs">
            <For each={kpis()}>
              {(kpi) => (
                <li>
                  <KpiCard kpi={kpi} canAddData={canAddData()} now={now()} />
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </WorkspacePage>
  );
}
