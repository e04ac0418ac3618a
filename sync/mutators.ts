import { defineMutators } from '@rocicorp/zero';
import './context.ts';
import { dataPointMutators } from './mutators/data-points.ts';
import { goalMutators } from './mutators/goals.ts';
import { kpiMutators } from './mutators/kpis.ts';
import { layoutMutators, optionMutators } from './mutators/settings.ts';

/** Every mutator, by name ("kpi.create", "dataPoint.add", ...): run optimistically on the client and with authority on the server. */
export const mutators = defineMutators({
  kpi: kpiMutators,
  dataPoint: dataPointMutators,
  goal: goalMutators,
  kpiOption: optionMutators,
  layout: layoutMutators,
});

export type Mutators = typeof mutators;
