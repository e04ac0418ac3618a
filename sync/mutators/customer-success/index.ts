import { accountMutators } from './accounts.ts';

/** Customer success's mutator groups, spread into the registry (sync/mutators.ts). */
export const customerSuccessMutators = {
  account: accountMutators,
};
