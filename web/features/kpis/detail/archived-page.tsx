import { useQuery } from '@rocicorp/zero/solid';
import { A } from '@solidjs/router';
import { For, Match, Switch } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import { queries } from '../../../../sync/queries.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { RestoreKpiButton } from './archive-controls.tsx';

/** `/kpis/archived`: KPIs taken off the dashboard, with their history, ready to restore. */
export function ArchivedKpisPage() {
  const org = useCurrentOrganization();
  const [kpis, details] = useQuery(() => queries.kpis.archived({ orgID: org.orgID }));
  const canRestore = () => can(org.role(), 'kpi', 'archive');
  return (
    <WorkspacePage
      title="Archived KPIs"
      headingId="archived-title"
      subtitle={
        <>
          Off the dashboard, history kept. <A href="/">Back to the dashboard</A>
        </>
      }
    >
      <QueryError details={details()} what="the archived KPIs" />
      <Switch>
        <Match when={kpis().length === 0 && details().type === 'unknown'}>
          <p class="panel-hint" aria-busy="true">
            Loading archived KPIs…
          </p>
        </Match>
        <Match when={kpis().length === 0 && details().type === 'complete'}>
          <div class="empty-state">
            <h2>No archived KPIs</h2>
            <p>When a KPI is archived from its page, it is listed here and can be restored with all its data.</p>
          </div>
        </Match>
        <Match when={kpis().length > 0}>
          <section class="panel">
            <ul class="row-list" aria-label="Archived KPIs">
              <For each={kpis()}>
                {(kpi) => (
                  <li class="row" aria-label={kpi.name}>
                    <div class="row-main">
                      <A href={`/kpis/${kpi.id}`} class="row-title">
                        {kpi.name}
                      </A>
                      <span class="row-meta">
                        Archived {kpi.archivedAt ? org.formats().date(kpi.archivedAt) : ''} · last value{' '}
                        {kpi.currentValue === null || kpi.currentValue === undefined
                          ? 'none'
                          : org.formats().quantity(kpi.currentValue, kpi.unit)}
                      </span>
                    </div>
                    {canRestore() ? <RestoreKpiButton kpi={kpi} /> : null}
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Match>
      </Switch>
    </WorkspacePage>
  );
}
