import type { MutatorFactory, QueryFactory } from './cases.ts';

/** Dashboards' synced queries; the share link's are read by a wall screen holding the link, not by a member. */
export const dashboardsQueries: Record<string, QueryFactory> = {
  'dashboards.list': { args: (w) => ({ orgID: w.orgA }) },
  'dashboards.byId': { args: (w) => ({ orgID: w.orgA, dashboardID: w.dashboardID, since: 0 }) },
  'dashboards.presence': { args: (w) => ({ orgID: w.orgA, dashboardID: w.dashboardID }) },
  'dashboards.shares': { args: (w) => ({ orgID: w.orgA, dashboardID: w.dashboardID }) },
  'dashboards.preference': { args: (w) => ({ orgID: w.orgA }) },
  'sharedDashboard.link': { args: (w) => ({ shareID: w.shareID }), readByShareLink: true },
  'sharedDashboard.dashboard': {
    args: (w) => ({ shareID: w.shareID, dashboardID: w.dashboardID, since: 0 }),
    readByShareLink: true,
  },
};

const note = (id: string, dashboardID: string) => ({ id, dashboardID, type: 'text', text: 'Planted', x: 0, y: 20, w: 4, h: 2 });

/** Dashboards' mutators. */
export const dashboardsMutators: Record<string, MutatorFactory> = {
  'dashboard.create': {
    args: (w) => ({
      id: w.fresh(),
      name: 'Planted board',
      shared: true,
      widgets: [{ id: w.fresh(), type: 'number', kpiIDs: [w.kpiID], x: 0, y: 0, w: 3, h: 2 }],
    }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.dashboardID, name: 'Hijacked board', shared: true }), refusal: 'CONFLICT' },
      {
        args: (w) => ({
          id: w.fresh(),
          name: 'Borrowed KPI',
          shared: true,
          widgets: [{ id: w.fresh(), type: 'number', kpiIDs: [w.kpiID], x: 0, y: 0, w: 3, h: 2 }],
        }),
        refusal: 'VALIDATION_FAILED',
      },
      {
        args: (w) => ({
          id: w.fresh(),
          name: 'Borrowed widget id',
          shared: true,
          widgets: [{ id: w.widgetID, type: 'text', text: 'Planted', x: 0, y: 0, w: 4, h: 2 }],
        }),
        refusal: 'CONFLICT',
      },
    ],
  },
  'dashboard.update': { args: (w) => ({ id: w.dashboardID, name: 'Renamed board', timeRange: '7d' }) },
  'dashboard.setWidgets': {
    args: (w) => ({
      id: w.dashboardID,
      // The spare widget stays: widget.remove's positive control removes it later.
      widgets: [
        { id: w.widgetID, type: 'number', kpiIDs: [w.kpiID], x: 6, y: 0, w: 3, h: 2 },
        { id: w.spareWidgetID, type: 'text', text: 'Secret note', x: 0, y: 2, w: 4, h: 2 },
      ],
    }),
  },
  'dashboard.delete': { args: (w) => ({ id: w.spareDashboardID }) },
  'dashboard.setDefault': {
    args: (w) => ({ dashboardID: w.dashboardID }),
    viewer: { allowed: "it sets the viewer's own home page; nobody else's changes" },
  },
  'widget.add': {
    args: (w) => note(w.fresh(), w.dashboardID),
    fromOwnOrg: [
      { args: (w) => note(w.fresh(), w.dashboardID), refusal: 'NOT_FOUND' },
      {
        args: (w) => ({ ...note(w.fresh(), w.dashboardB), type: 'number', text: '', kpiIDs: [w.kpiID], w: 3 }),
        refusal: 'VALIDATION_FAILED',
      },
      { args: (w) => note(w.widgetID, w.dashboardB), refusal: 'CONFLICT' },
    ],
  },
  'widget.update': { args: (w) => ({ id: w.widgetID, kpiIDs: [w.spareKpiID] }) },
  'widget.move': {
    args: (w) => ({ dashboardID: w.dashboardID, moves: [{ id: w.widgetID, x: 6, y: 4, w: 3, h: 2 }] }),
    fromOwnOrg: [
      {
        args: (w) => ({ dashboardID: w.dashboardID, moves: [{ id: w.widgetID, x: 6, y: 4, w: 3, h: 2 }] }),
        refusal: 'NOT_FOUND',
      },
      { args: (w) => ({ dashboardID: w.dashboardB, moves: [{ id: w.widgetID, x: 6, y: 4, w: 3, h: 2 }] }), refusal: 'NOT_FOUND' },
    ],
  },
  'widget.remove': { args: (w) => ({ id: w.spareWidgetID }) },
  'presence.touch': {
    args: (w) => ({ dashboardID: w.dashboardID, arranging: true }),
    viewer: { allowed: 'it says the viewer is looking at the dashboard: only their own presence row' },
  },
  'presence.leave': {
    args: (w) => ({ dashboardID: w.dashboardID }),
    fromOwnOrg: { allowed: 'it removes only the intruder’s own presence row (they have none on A’s dashboard)' },
    viewer: { allowed: 'it removes only the viewer’s own presence row' },
  },
};
