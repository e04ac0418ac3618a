import type { MutatorFactory, QueryFactory } from './cases.ts';
import { FUTURE } from './world.ts';

/** The KPI tracker's synced queries. */
export const kpiTrackerQueries: Record<string, QueryFactory> = {
  'kpis.list': { args: (w) => ({ orgID: w.orgA }) },
  'kpis.dashboard': { args: (w) => ({ orgID: w.orgA }) },
  'kpis.archived': { args: (w) => ({ orgID: w.orgA }) },
  'kpis.byId': { args: (w) => ({ orgID: w.orgA, kpiID: w.kpiID }) },
  'dataPoints.forKpi': { args: (w) => ({ orgID: w.orgA, kpiID: w.kpiID }) },
  'goals.list': { args: (w) => ({ orgID: w.orgA }) },
  'goals.byId': { args: (w) => ({ orgID: w.orgA, goalID: w.goalID }) },
  'goals.forKpi': { args: (w) => ({ orgID: w.orgA, kpiID: w.kpiID }) },
  'insights.forKpi': { args: (w) => ({ orgID: w.orgA, kpiID: w.kpiID }) },
  'kpiOptions.list': { args: (w) => ({ orgID: w.orgA }) },
  'layouts.mine': { args: (w) => ({ orgID: w.orgA }) },
};

/** The KPI tracker's mutators. */
export const kpiTrackerMutators: Record<string, MutatorFactory> = {
  'kpi.create': {
    args: (w) => ({ id: w.fresh(), name: 'Planted', unit: '$', target: 1 }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.kpiID, name: 'Hijacked', unit: '$', target: 1 }), refusal: 'CONFLICT' },
      {
        args: (w) => ({ id: w.fresh(), name: 'Borrowed owner', unit: '$', target: 1, ownerID: w.owner.userID }),
        refusal: 'VALIDATION_FAILED',
      },
      {
        args: (w) => ({ id: w.fresh(), name: 'Borrowed account', unit: '$', target: 1, accountID: w.accountID }),
        refusal: 'VALIDATION_FAILED',
      },
    ],
  },
  'kpi.update': {
    args: (w) => ({
      id: w.kpiID,
      name: 'Renamed',
      target: 5,
      accountID: w.accountID,
      healthCategory: 'Product Value',
      weight: 2,
    }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.kpiID, name: 'Renamed', target: 5 }), refusal: 'NOT_FOUND' },
      { args: (w) => ({ id: w.kpiB, ownerID: w.owner.userID }), refusal: 'VALIDATION_FAILED' },
      { args: (w) => ({ id: w.kpiB, accountID: w.accountID }), refusal: 'VALIDATION_FAILED' },
    ],
  },
  'kpi.archive': { args: (w) => ({ id: w.spareKpiID }) },
  'kpi.restore': { args: (w) => ({ id: w.archivedKpiID }) },
  'dataPoint.add': {
    args: (w) => ({ id: w.fresh(), kpiID: w.kpiID, value: 99 }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.fresh(), kpiID: w.kpiID, value: 99 }), refusal: 'NOT_FOUND' },
      { args: (w) => ({ id: w.pointID, kpiID: w.kpiB, value: 99 }), refusal: 'CONFLICT' },
    ],
  },
  'dataPoint.import': {
    args: (w) => ({ kpiID: w.kpiID, rows: [{ id: w.fresh(), value: 98, recordedAt: Date.now() - 3_600_000 }] }),
    fromOwnOrg: [
      { args: (w) => ({ kpiID: w.kpiID, rows: [{ id: w.fresh(), value: 98, recordedAt: Date.now() }] }), refusal: 'NOT_FOUND' },
      { args: (w) => ({ kpiID: w.kpiB, rows: [{ id: w.pointID, value: 98, recordedAt: Date.now() }] }), refusal: 'CONFLICT' },
    ],
  },
  'dataPoint.update': { args: (w) => ({ id: w.pointID, value: 97 }) },
  'dataPoint.delete': { args: (w) => ({ id: w.sparePointID }) },
  'goal.create': {
    args: (w) => ({ id: w.fresh(), title: 'Planted plan', targetDate: FUTURE, kpis: [{ kpiID: w.kpiID, weight: 1 }] }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.goalID, title: 'Hijacked plan', targetDate: FUTURE }), refusal: 'CONFLICT' },
      {
        args: (w) => ({ id: w.fresh(), title: 'Borrowed KPI', targetDate: FUTURE, kpis: [{ kpiID: w.kpiID, weight: 1 }] }),
        refusal: 'VALIDATION_FAILED',
      },
    ],
  },
  'goal.update': {
    args: (w) => ({ id: w.goalID, title: 'Renamed plan', kpis: [{ kpiID: w.spareKpiID, weight: 2 }] }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.goalID, title: 'Renamed plan' }), refusal: 'NOT_FOUND' },
      { args: (w) => ({ id: w.goalB, kpis: [{ kpiID: w.kpiID, weight: 1 }] }), refusal: 'VALIDATION_FAILED' },
    ],
  },
  'goal.archive': { args: (w) => ({ id: w.spareGoalID }) },
  'goal.restore': { args: (w) => ({ id: w.archivedGoalID }) },
  'kpiOption.add': {
    args: (w) => ({ id: w.fresh(), kind: 'unit', value: 'furlongs' }),
    fromOwnOrg: [{ args: (w) => ({ id: w.optionID, kind: 'unit', value: 'parsecs' }), refusal: 'CONFLICT' }],
  },
  'kpiOption.remove': { args: (w) => ({ id: w.optionID }) },
  'layout.save': {
    args: (w) => ({ layout: [{ kpiID: w.kpiID, w: 1, h: 2 }] }),
    fromOwnOrg: { allowed: "it saves the intruder's own arrangement in B (layouts are per person and organization)" },
    viewer: { allowed: "it saves the viewer's own arrangement; the owner's stays as it was" },
  },
};
