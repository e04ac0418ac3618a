import { isMutator, isQuery, type ReadonlyJSONValue } from '@rocicorp/zero';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';

/** A registered synced query, seen loosely: called with its arguments it gives the request to materialize. */
export type QueryEntry = (args?: ReadonlyJSONValue) => unknown;
/** A registered mutator, seen loosely: called with its arguments it gives the request to `zero.mutate`. */
export type MutatorEntry = (args?: ReadonlyJSONValue) => unknown;

/**
 * The leaves of a registry tree by their registered names ("kpis.list",
 * "kpi.create"), found at run time as Zero's server finds them, so an entry
 * registered tomorrow is listed without touching this file.
 */
function entries<T>(tree: unknown, isEntry: (value: unknown) => boolean, nameOf: (entry: T) => string): Map<string, T> {
  const found = new Map<string, T>();
  const walk = (node: unknown) => {
    if (isEntry(node)) {
      found.set(nameOf(node as T), node as T);
    } else if (node !== null && typeof node === 'object') {
      for (const child of Object.values(node)) walk(child);
    }
  };
  walk(tree);
  return found;
}

export const registeredQueries = entries<QueryEntry & { queryName: string }>(queries, isQuery, (q) => q.queryName);
export const registeredMutators = entries<MutatorEntry & { mutatorName: string }>(mutators, isMutator, (m) => m.mutatorName);
