import { rescoreMutators } from './rescore.ts';

/** Live health's mutator groups ("healthRescore.start"); the scores themselves are written only by the server's jobs. */
export const accountHealthMutators = {
  healthRescore: rescoreMutators,
};
