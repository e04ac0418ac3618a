import type { FieldIssue } from '../shared/errors.ts';
import { nulIssues } from '../shared/validation.ts';
import { mutatorError } from './permissions.ts';

/** The part of a Standard Schema validator (a mutator's argument schema) used here. */
type StandardResult = { readonly value: unknown; readonly issues?: undefined } | { readonly issues: readonly StandardIssue[] };
type StandardIssue = { readonly message: string; readonly code?: string; readonly path?: readonly PathPart[] };
type PathPart = PropertyKey | { readonly key: PropertyKey };
interface Validator {
  readonly '~standard': { validate(value: unknown): StandardResult | Promise<StandardResult> };
}

type Definitions = Record<string, Record<string, { readonly validator?: unknown }>>;

const key = (part: PathPart): string | number => {
  const k = typeof part === 'object' ? part.key : part;
  return typeof k === 'symbol' ? String(k) : k;
};

function shapeIssues(issues: readonly StandardIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    loc: (issue.path ?? []).map(key),
    msg: issue.message,
    type: issue.code ?? 'invalid_argument',
  }));
}

/**
 * A mutator's argument schema, followed by the input rules every value shares
 * (shared/validation.ts: no NUL in any string). A refusal is thrown as the
 * app error every mutator gives (VALIDATION_FAILED with field issues), so the
 * client hears which field, instead of Zero's generic validation error, or a
 * database error from deep inside the transaction.
 */
function checked(validator: Validator): Validator {
  return {
    '~standard': {
      ...validator['~standard'],
      validate(value) {
        const result = validator['~standard'].validate(value);
        // Zero refuses asynchronous validators itself; ours are all synchronous.
        if (result instanceof Promise) return result;
        const issues = result.issues ? shapeIssues(result.issues) : nulIssues(result.value);
        if (issues.length > 0) throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);
        return result;
      },
    },
  };
}

/**
 * The mutator registry's groups with every argument schema checked as above:
 * `defineMutators(withCheckedArgs({ kpi: kpiMutators, ... }))`. Applied to the
 * registry, so a mutator registered later gets it the day it is added; the
 * REST routes call the same registry.
 */
export function withCheckedArgs<G extends Definitions>(groups: G): G {
  return Object.fromEntries(
    Object.entries(groups).map(([group, definitions]) => [
      group,
      Object.fromEntries(
        Object.entries(definitions).map(([name, definition]) => [
          name,
          definition.validator ? { ...definition, validator: checked(definition.validator as Validator) } : definition,
        ]),
      ),
    ]),
  ) as G;
}
