import { defineMutators } from '@rocicorp/zero';
import { withCheckedArgs } from './checked-args.ts';
import './context.ts';
import { dataPointMutators } from './mutators/data-points.ts';
import { goalMutators } from './mutators/goals.ts';
import { kpiMutators } from './mutators/kpis.ts';
import { layoutMutators, optionMutators } from './mutators/settings.ts';

/**
 * Every mutator, by name ("kpi.create", "dataPoint.add", ...): run optimistically on the client and with authority on the
 * server, each after its arguments pass their schema and the shared input rules.
 */
export const mutators = defineMutators(
  withCheckedArgs({
    kpi: kpiMutators,
    dataPoint: dataPointMutators,
    goal: goalMutators,
    kpiOption: optionMutators,
    layout: layoutMutators,
  }),
);

export type Mutators = typeof mutators;
