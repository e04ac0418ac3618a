import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, createSignal, lazy, Match, Show, Switch } from 'solid-js';
import { queries } from '../../../sync/queries.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { DashboardView } from './dashboard-page.tsx';
import { NewDashboardDialog } from './new-dashboard-dialog.tsx';

const KPIDashboard = lazy(async () => ({ default: (await import('../kpis/dashboard/dashboard-page.tsx')).KPIDashboard }));

/**
 * The home page: the person's chosen default dashboard, else the
 * organization's first shared one, else their first private one. An
 * organization without dashboards sees its KPIs, with an offer to make a
 * dashboard from a template.
 */
export function HomePage() {
  const org = useCurrentOrganization();
  const [list, details] = useQuery(() => queries.dashboards.list({ orgID: org.orgID }));
  const [preference] = useQuery(() => queries.dashboards.preference({ orgID: org.orgID }));
  const [creating, setCreating] = createSignal(false);
  const chosen = createMemo(() => {
    const all = list();
    const wanted = preference()?.defaultDashboardID;
    return (all.find((d) => d.id === wanted) ?? all.find((d) => d.shared) ?? all[0])?.id;
  });
  return (
    <Switch>
      <Match when={chosen()} keyed>
        {(id) => <DashboardView dashboardID={id} />}
      </Match>
      <Match when={details().type === 'complete'}>
        <KPIDashboard />
        {/* After the KPIs, so a phone still shows the first card at the top. */}
        <aside class="callout" aria-label="Dashboards">
          <p>
            <strong>Make it a dashboard.</strong> Numbers, charts, gauges and goals on one screen, arranged together, and a TV
            mode for the wall.
          </p>
          <Button class="button button-primary button-small" onClick={() => setCreating(true)}>
            Create a dashboard
          </Button>
          <Show when={creating()}>
            <NewDashboardDialog open onOpenChange={setCreating} />
          </Show>
        </aside>
      </Match>
    </Switch>
  );
}
