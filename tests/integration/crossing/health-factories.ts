import { DEFAULT_CATEGORY_WEIGHTS } from '../../../shared/health/weights.ts';
import type { MutatorFactory, QueryFactory } from './cases.ts';

/** The customer-success pack's health configuration and playbook trigger queries. */
export const healthQueries: Record<string, QueryFactory> = {
  'health.ranges': { args: (w) => ({ orgID: w.orgA }) },
  'health.weights': { args: (w) => ({ orgID: w.orgA }) },
  'health.versions': { args: (w) => ({ orgID: w.orgA }) },
  'playbooks.triggers': { args: (w) => ({ orgID: w.orgA }) },
};

const bands = { critical: { min: 0, max: 1 }, risk: { min: 1, max: 2 }, healthy: { min: 2, max: 3 } };

/** Its mutators: admins only, so A's viewer is refused every one. */
export const healthMutators: Record<string, MutatorFactory> = {
  'referenceRange.set': {
    args: (w) => ({ id: w.fresh(), kpiName: 'Planted', higherIsBetter: true, ...bands }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.rangeID, kpiName: 'Borrowed id', higherIsBetter: true, ...bands }), refusal: 'CONFLICT' },
    ],
  },
  'referenceRange.remove': {
    args: () => ({ kpiName: 'Secret churn' }),
    fromOwnOrg: { allowed: 'it removes the range of that name in B, the intruder’s own (B has none)' },
  },
  'playbookTrigger.set': {
    args: (w) => ({
      id: w.fresh(),
      playbookID: 'voc-sprint',
      autoTrigger: true,
      conditions: [{ kpi: 'Secret NPS', op: '<', value: 5 }],
    }),
    // In B the intruder's own trigger would be set, but B has no range named 'Secret NPS': refused as unknown.
    fromOwnOrg: [
      {
        args: (w) => ({
          id: w.fresh(),
          playbookID: 'voc-sprint',
          autoTrigger: true,
          conditions: [{ kpi: 'Secret NPS', op: '<', value: 5 }],
        }),
        refusal: 'VALIDATION_FAILED',
      },
    ],
  },
  'categoryWeights.set': {
    args: () => ({ weights: { ...DEFAULT_CATEGORY_WEIGHTS, 'Business Outcomes': 0.5 } }),
    fromOwnOrg: { allowed: 'it sets B’s own weights' },
  },
};
