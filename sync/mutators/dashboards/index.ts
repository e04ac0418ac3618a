import { dashboardMutators } from './dashboards.ts';
import { presenceMutators } from './presence.ts';
import { widgetMutators } from './widgets.ts';

/** Dashboards' mutator groups, spread into the registry (sync/mutators.ts). */
export const dashboardsMutators = {
  dashboard: dashboardMutators,
  widget: widgetMutators,
  presence: presenceMutators,
};
