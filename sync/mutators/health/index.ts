import { categoryWeightMutators, referenceRangeMutators } from './config.ts';

/** The customer-success pack's health configuration mutators ("referenceRange.set", "categoryWeights.set", ...). */
export const healthMutators = {
  referenceRange: referenceRangeMutators,
  categoryWeights: categoryWeightMutators,
};
