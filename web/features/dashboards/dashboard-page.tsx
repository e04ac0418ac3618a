import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Match, Show, Switch } from 'solid-js';
import { can } from '../../../shared/roles.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import { QueryError } from '../../components/query-error.tsx';
import { currentUser } from '../auth/session.ts';
import { ChatPanel } from '../chat/chat-panel.tsx';
import { useCurrentOrganization, useFormats } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { useSyncedDashboard, type WidgetRow, widgetRows } from './dashboard-data.ts';
import { DashboardGrid, type Move } from './dashboard-grid.tsx';
import { DashboardSettings } from './dashboard-settings.tsx';
import { DashboardToolbar } from './dashboard-toolbar.tsx';
import { PresenceBar, usePresenceHeartbeat } from './presence.tsx';
import { ShareDialog } from './share-dialog.tsx';
import { TvDialog } from './tv/tv-dialog.tsx';
import { WidgetEditor } from './widget-editor.tsx';
import { setWidgetFormats } from './widgets/formats.ts';
import { signInOnlyLabels, WidgetView, widgetRenderer } from './widgets/registry.tsx';

/** /dashboards/:id — one dashboard, live, arranged together. */
export function DashboardPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <DashboardView dashboardID={id} />}
    </Show>
  );
}

/** A dashboard's page: its toolbar, who else is here, and its widgets on the grid. */
export function DashboardView(props: { dashboardID: string }) {
  const org = useCurrentOrganization();
  const navigate = useNavigate();
  const me = () => currentUser()?.id ?? '';
  const synced = useSyncedDashboard(
    () => org.orgID,
    () => props.dashboardID,
  );
  const [preference] = useQuery(() => queries.dashboards.preference({ orgID: org.orgID }));
  const formats = useFormats();
  createEffect(() => setWidgetFormats(formats()));
  const [arranging, setArranging] = createSignal(false);
  const [holding, setHolding] = createSignal<string | null>(null);
  const [editorFor, setEditorFor] = createSignal<WidgetRow | 'new'>();
  const [sharing, setSharing] = createSignal(false);
  const [settings, setSettings] = createSignal(false);
  const [tv, setTv] = createSignal(false);

  const summary = synced.summary;
  const items = createMemo(() => widgetRows(synced.dashboard()));
  const canEdit = () => {
    const d = summary();
    if (!d) return false;
    return d.shared ? can(org.role(), 'dashboard', 'edit') : d.createdBy === me() && can(org.role(), 'dashboard', 'keep');
  };
  const canShare = () => !!summary()?.shared && can(org.role(), 'dashboardShare', 'manage');
  const state = synced.state;
  const canAddData = () => can(org.role(), 'dataPoint', 'create');
  const label = (id: string) => {
    const item = items().find((i) => i.id === id);
    if (!item) return 'a widget';
    const renderer = widgetRenderer(item.type);
    return renderer ? `“${renderer.title(widgetProps(item))}”` : 'a widget';
  };

  usePresenceHeartbeat({ dashboardID: () => props.dashboardID, arranging: () => arranging() && canEdit(), holding });

  const widgetProps = (item: WidgetRow) => {
    const p = synced.periods();
    return {
      widget: item.row,
      kpis: item.kpis,
      goal: item.goal,
      period: p?.period ?? { start: 0, end: 0 },
      previous: p?.previous ?? { start: 0, end: 0 },
      state: state(),
      now: synced.now(),
      tv: false,
      canAddData: canAddData(),
    };
  };
  const saveMoves = (moves: Move[]) => {
    void mutate(mutators.widget.move({ dashboardID: props.dashboardID, moves }));
  };
  const loading = () => !summary() && synced.listDetails().type !== 'complete';

  return (
    <Switch>
      <Match when={loading()}>
        <p class="loading-inline" aria-busy="true">
          Loading the dashboard…
        </p>
      </Match>
      <Match when={!summary()}>
        <div class="empty-state">
          <h1>Dashboard not found</h1>
          <p>It may have been deleted, or it is someone’s private dashboard.</p>
          <Button class="button button-primary" onClick={() => navigate('/', { replace: true })}>
            Go to my home page
          </Button>
        </div>
      </Match>
      <Match when={summary()}>
        {(d) => (
          <WorkspacePage
            title={d().name}
            headingId="dashboard-title"
            subtitle={d().shared ? 'Shared with the organization' : 'Private: only you see it'}
          >
            <DashboardToolbar
              dashboard={d()}
              dashboards={synced.list()}
              canEdit={canEdit()}
              canShare={canShare()}
              arranging={arranging()}
              isDefault={preference()?.defaultDashboardID === d().id}
              onRange={(patch) => void mutate(mutators.dashboard.update({ id: d().id, ...patch }))}
              onArranging={setArranging}
              onAddWidget={() => setEditorFor('new')}
              onShare={() => setSharing(true)}
              onSettings={() => setSettings(true)}
              onMakeDefault={() => void mutate(mutators.dashboard.setDefault({ dashboardID: d().id }))}
              onTv={() => setTv(true)}
            />
            <PresenceBar orgID={org.orgID} dashboardID={d().id} me={me()} now={synced.now()} widgetLabel={label} />
            <QueryError details={synced.details()} what="this dashboard" />
            <Show
              when={items().length > 0 || state().kind !== 'ready'}
              fallback={
                <div class="empty-state">
                  <h2>No widgets yet</h2>
                  <Show
                    when={canEdit()}
                    fallback={<p>When someone who edits this dashboard adds widgets, they show up here at once.</p>}
                  >
                    <p>Add numbers, charts, gauges, goals, tables and notes.</p>
                    <Button class="button button-primary" onClick={() => setEditorFor('new')}>
                      Add the first widget
                    </Button>
                  </Show>
                </div>
              }
            >
              <DashboardGrid
                items={items()}
                arranging={arranging() && canEdit()}
                cellHeight={72}
                onMove={saveMoves}
                onHold={setHolding}
                render={(item, handle) => (
                  <WidgetView
                    {...widgetProps(item)}
                    actions={
                      <Show when={arranging() && canEdit()}>
                        {handle}
                        <Button
                          class="icon-button"
                          aria-label="Edit widget"
                          title="Edit widget"
                          onClick={() => setEditorFor(item)}
                        >
                          <span aria-hidden="true">✎</span>
                        </Button>
                        <Button
                          class="icon-button"
                          aria-label="Remove widget"
                          title="Remove widget"
                          onClick={() => void mutate(mutators.widget.remove({ id: item.id }))}
                        >
                          <span aria-hidden="true">×</span>
                        </Button>
                      </Show>
                    }
                  />
                )}
              />
            </Show>
            <Show when={editorFor()} keyed>
              {(target) => (
                <WidgetEditor
                  orgID={org.orgID}
                  dashboardID={d().id}
                  widget={target === 'new' ? undefined : target}
                  placed={items()}
                  open
                  onOpenChange={(open) => !open && setEditorFor(undefined)}
                />
              )}
            </Show>
            <Show when={sharing()}>
              <ShareDialog
                orgID={org.orgID}
                dashboardID={d().id}
                signInOnly={signInOnlyLabels(items().map((i) => i.type))}
                open
                onOpenChange={setSharing}
              />
            </Show>
            <Show when={tv()}>
              <TvDialog current={d().id} dashboards={synced.list()} open onOpenChange={setTv} />
            </Show>
            <Show when={settings()}>
              <DashboardSettings
                dashboard={d()}
                canShare={can(org.role(), 'dashboard', 'edit')}
                isKeeper={d().createdBy === me()}
                open
                onOpenChange={setSettings}
              />
            </Show>
            <ChatPanel context={{ kind: 'dashboard', id: d().id }} />
          </WorkspacePage>
        )}
      </Match>
    </Switch>
  );
}
