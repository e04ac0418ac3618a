import { useQuery } from '@rocicorp/zero/solid';
import { A, useParams } from '@solidjs/router';
import { createMemo, createSignal, Match, Show, Switch } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import { queries } from '../../../../sync/queries.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { ChatPanel } from '../../chat/chat-panel.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { ReadOnlyNote } from '../../workspace/read-only-note.tsx';
import { RoleGate } from '../../workspace/role-gate.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { EditKpiDialog } from '../edit-kpi-dialog.tsx';
import { AddPointPanel } from './add-point-panel.tsx';
import { ArchivedBanner, ArchiveKpiButton } from './archive-controls.tsx';
import { CsvImportDialog } from './csv-import-dialog.tsx';
import { DataPointsTable } from './data-points-table.tsx';
import { citedPoints, InsightPanel } from './insight-panel.tsx';
import { KPIChart } from './kpi-chart.tsx';
import { KpiDetails, type KpiWithOwner } from './kpi-details.tsx';
import { KpiGoals } from './kpi-goals.tsx';

/** The chart and table read this many points at most (the query's own limit). */
const POINT_LIMIT = 5000;
const ARCHIVED_REASON = 'This KPI is archived: restore it to add, import or change data.';

function KpiView(props: { kpi: KpiWithOwner }) {
  const org = useCurrentOrganization();
  const [points, pointDetails] = useQuery(() =>
    queries.dataPoints.forKpi({ orgID: org.orgID, kpiID: props.kpi.id, limit: POINT_LIMIT }),
  );
  const [insights, insightDetails] = useQuery(() =>
    queries.insights.forKpi({ orgID: org.orgID, kpiID: props.kpi.id, limit: 10 }),
  );
  const [reveal, setReveal] = createSignal<{ id: string; seq: number }>();
  const cited = createMemo(() => citedPoints(insights()));

  const archived = () => props.kpi.archivedAt !== null && props.kpi.archivedAt !== undefined;
  const locked = () => (archived() ? ARCHIVED_REASON : undefined);
  const canEdit = () => can(org.role(), 'kpi', 'update');
  const canArchive = () => can(org.role(), 'kpi', 'archive');
  const canAdd = () => can(org.role(), 'dataPoint', 'create');
  const pointsLoading = () => pointDetails().type === 'unknown';

  return (
    <WorkspacePage
      title={props.kpi.name}
      headingId="kpi-title"
      subtitle={props.kpi.description || <A href="/">Back to the dashboard</A>}
      actions={
        <div class="page-actions">
          <Show when={locked()}>
            <span id="kpi-locked" class="visually-hidden">
              {ARCHIVED_REASON}
            </span>
          </Show>
          <RoleGate allowed={canEdit()} action="edit KPIs">
            <EditKpiDialog kpi={props.kpi} disabled={archived()} describedBy={locked() ? 'kpi-locked' : undefined} />
          </RoleGate>
          <RoleGate allowed={canAdd()} action="import data points">
            <CsvImportDialog kpi={props.kpi} disabled={archived()} describedBy={locked() ? 'kpi-locked' : undefined} />
          </RoleGate>
          {/* Restoring is offered by the archived banner. */}
          <Show when={canArchive() && !archived()}>
            <ArchiveKpiButton kpi={props.kpi} />
          </Show>
          <Show when={!canEdit() && !canAdd() && !canArchive()}>
            <ReadOnlyNote />
          </Show>
        </div>
      }
    >
      <Show when={archived()}>
        <ArchivedBanner kpi={props.kpi} canRestore={canArchive()} />
      </Show>
      <QueryError details={pointDetails()} what="the data points" />
      <div class="kpi-layout">
        <div class="kpi-main">
          <KpiDetails kpi={props.kpi} />
          <KPIChart kpi={props.kpi} points={points()} loading={pointsLoading()} truncated={points().length >= POINT_LIMIT} />
          <RoleGate allowed={canAdd()} action="add data points">
            <AddPointPanel kpi={props.kpi} disabledReason={locked()} />
          </RoleGate>
          <DataPointsTable
            kpi={props.kpi}
            points={points()}
            loading={pointsLoading()}
            lockedReason={locked()}
            cited={cited()}
            reveal={reveal()}
          />
        </div>
        <aside class="kpi-side" aria-label="Insight and goals">
          <QueryError details={insightDetails()} what="the insights" />
          <InsightPanel
            kpi={props.kpi}
            insights={insights()}
            loading={insightDetails().type === 'unknown'}
            points={points()}
            onCite={(id) => setReveal((r) => ({ id, seq: (r?.seq ?? 0) + 1 }))}
          />
          <KpiGoals kpiID={props.kpi.id} />
          <ChatPanel context={{ kind: 'kpi', id: props.kpi.id }} />
        </aside>
      </div>
    </WorkspacePage>
  );
}

/** `/kpis/:id`: one KPI, everything about it, live. */
export function KpiPage() {
  const params = useParams<{ id: string }>();
  const org = useCurrentOrganization();
  const [kpi, details] = useQuery(() => queries.kpis.byId({ orgID: org.orgID, kpiID: params.id }));
  return (
    <Switch
      fallback={
        <section class="page" aria-busy="true" aria-label="Loading KPI">
          <div class="skeleton page-skeleton" aria-hidden="true" />
          <p class="visually-hidden">Loading the KPI…</p>
        </section>
      }
    >
      <Match when={kpi()}>{(k) => <KpiView kpi={k()} />}</Match>
      <Match when={details().type === 'error'}>
        <QueryError details={details()} what="this KPI" />
      </Match>
      <Match when={details().type === 'complete'}>
        <section class="notice" aria-labelledby="kpi-missing">
          <h1 id="kpi-missing">KPI not found</h1>
          <p>It may have been removed, or it belongs to another organization.</p>
          <p>
            <A href="/">Go to the dashboard</A>
          </p>
        </section>
      </Match>
    </Switch>
  );
}
