import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, Index, Match, onCleanup, Show, Switch } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { queries } from '../../../../sync/queries.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';
import { ReadOnlyNote } from '../../workspace/read-only-note.tsx';
import { RoleGate } from '../../workspace/role-gate.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { categoryLabel } from '../kpi-options.ts';
import { NewKpiDialog } from '../new-kpi-dialog.tsx';
import { DashboardToolbar } from './dashboard-toolbar.tsx';
import { filterPlaced, isSortKey, type SortKey, sortPlaced } from './dashboard-view.ts';
import type { DashboardKpi } from './kpi-card.tsx';
import { KpiGrid } from './kpi-grid.tsx';
import { applyLayout, type Placed, toLayout } from './layout.ts';

function KpiSkeletons() {
  return (
    <div class="kpi-grid" aria-busy="true">
      <p class="visually-hidden">Loading KPIs…</p>
      <Index each={[1, 2, 3]}>{() => <div class="kpi-card skeleton" aria-hidden="true" />}</Index>
    </div>
  );
}

/** The organization's active KPIs as live cards, in each person's own arrangement. */
export function KPIDashboard() {
  const org = useCurrentOrganization();
  const [kpis, details] = useQuery(() => queries.kpis.dashboard({ orgID: org.orgID }));
  const [layout] = useQuery(() => queries.layouts.mine({ orgID: org.orgID }));
  const [params, setParams] = useSearchParams<{ q?: string; category?: string; sort?: string }>();
  const [dialogOpen, setDialogOpen] = createSignal(false);
  const [arranging, setArranging] = createSignal(false);
  // One clock for every card's "updated … ago".
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(tick));

  const search = () => params.q ?? '';
  const category = () => params.category ?? '';
  const sort = (): SortKey => (isSortKey(params.sort) ? params.sort : 'layout');

  const canCreate = () => can(org.role(), 'kpi', 'create');
  const canAddData = () => can(org.role(), 'dataPoint', 'create');
  const loading = () => kpis().length === 0 && details().type === 'unknown';

  const placed = createMemo(() => applyLayout(kpis() as readonly DashboardKpi[], layout()?.layout));
  const categories = createMemo(() => [...new Set(kpis().map((k) => k.category))].sort());
  const shown = createMemo(() => (arranging() ? placed() : sortPlaced(filterPlaced(placed(), search(), category()), sort())));

  const clearFilters = () => setParams({ q: undefined, category: undefined }, { replace: true });
  const noMatchText = () => {
    const q = search().trim();
    const c = category() ? categoryLabel(category()) : '';
    if (q && c) return `No KPIs in ${c} match ‘${q}’`;
    if (q) return `No KPIs match ‘${q}’`;
    return `No KPIs in ${c}`;
  };

  const saveArrangement = (next: Placed<DashboardKpi>[]) => {
    void mutate(mutators.layout.save({ layout: toLayout(next) }));
  };

  return (
    <WorkspacePage
      title="Dashboard"
      headingId="dashboard-title"
      subtitle={org.organization()?.name}
      actions={
        <>
          <RoleGate allowed={canCreate()} action="create KPIs">
            <NewKpiDialog open={dialogOpen()} onOpenChange={setDialogOpen} />
          </RoleGate>
          <Show when={!canCreate() && !canAddData()}>
            <ReadOnlyNote />
          </Show>
        </>
      }
    >
      <QueryError details={details()} what="the KPIs" />
      <Switch>
        <Match when={loading()}>
          <KpiSkeletons />
        </Match>
        <Match when={kpis().length === 0 && details().type === 'complete'}>
          <div class="empty-state">
            <h2>No KPIs yet</h2>
            <Show when={canCreate()} fallback={<p>When someone who manages KPIs creates one, it shows up here straight away.</p>}>
              <p>Create the first one: give it a name and a target, then add data points as they come in.</p>
              <Button class="button button-primary" onClick={() => setDialogOpen(true)}>
                Create the first KPI
              </Button>
            </Show>
            <p>
              Looking for an old one? <A href="/kpis/archived">See archived KPIs</A>.
            </p>
          </div>
        </Match>
        <Match when={kpis().length > 0}>
          <DashboardToolbar
            search={search()}
            onSearch={(q) => setParams({ q: q || undefined }, { replace: true })}
            category={category()}
            categories={categories()}
            onCategory={(c) => setParams({ category: c || undefined }, { replace: true })}
            sort={sort()}
            onSort={(s) => setParams({ sort: s === 'layout' ? undefined : s }, { replace: true })}
            arranging={arranging()}
            onArranging={setArranging}
          />
          <p class="visually-hidden" aria-live="polite">
            {arranging() ? '' : `${shown().length} of ${kpis().length} KPIs shown`}
          </p>
          <Show
            when={shown().length > 0}
            fallback={
              <div class="empty-state">
                <h2>{noMatchText()}</h2>
                <p>Try another name or category.</p>
                <Button class="button button-secondary" onClick={clearFilters}>
                  {search().trim() ? 'Clear the search' : 'Show all categories'}
                </Button>
              </div>
            }
          >
            <KpiGrid items={shown()} arranging={arranging()} canAddData={canAddData()} now={now()} onArrange={saveArrangement} />
          </Show>
        </Match>
      </Switch>
    </WorkspacePage>
  );
}
