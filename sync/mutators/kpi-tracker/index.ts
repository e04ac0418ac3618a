import { dataPointMutators } from './data-points.ts';
import { goalMutators } from './goals.ts';
import { kpiMutators } from './kpis.ts';
import { layoutMutators } from './layout.ts';
import { optionMutators } from './options.ts';

/** The KPI tracker's mutator groups, by the names clients call them ("kpi.create", "layout.save", ...). */
export const kpiTrackerMutators = {
  kpi: kpiMutators,
  dataPoint: dataPointMutators,
  goal: goalMutators,
  kpiOption: optionMutators,
  layout: layoutMutators,
};
