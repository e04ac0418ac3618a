import { mutators } from '../../../sync/mutators.ts';
import { mutate, type WriteOutcome } from './mutate.ts';
import { forceQueryError } from './query-faults.ts';

type HookMutator = 'kpi.create' | 'dataPoint.add' | 'playbookStep.update' | 'productionEntry.create';

/**
 * A test asks for the server's answer, not the form's patience (a form says
 * "waiting" after 4 s): on a busy CI machine the answer can take longer.
 * Without a connection the answer is still "waiting" at once.
 */
const SERVER_ANSWER_WAIT_MS = 30_000;

export interface LiveKpiHook {
  /**
   * Runs a mutator through the same wrapper the UI uses (toast included), so
   * an end-to-end test can attempt a write the UI hides for a role and see
   * the server's refusal, or that it saved the write. `id` is generated when omitted.
   */
  mutate: (name: HookMutator, args: Record<string, unknown>) => Promise<WriteOutcome>;
  /** Makes dashboards show their data as refused with `message` (null: back to normal). */
  failDashboardQueries: (message: string | null) => void;
}

declare global {
  interface Window {
    __liveKpi?: LiveKpiHook;
  }
}

function withId(args: Record<string, unknown>): Record<string, unknown> {
  return typeof args.id === 'string' ? args : { ...args, id: crypto.randomUUID() };
}

export function installTestHook(): () => void {
  const wait = { confirmWaitMs: SERVER_ANSWER_WAIT_MS };
  const hook: LiveKpiHook = {
    failDashboardQueries: forceQueryError,
    mutate: (name, args) => {
      const full = withId(args);
      switch (name) {
        case 'kpi.create':
          return mutate(mutators.kpi.create(full as Parameters<typeof mutators.kpi.create>[0]), wait);
        case 'dataPoint.add':
          return mutate(mutators.dataPoint.add(full as Parameters<typeof mutators.dataPoint.add>[0]), wait);
        case 'playbookStep.update':
          return mutate(mutators.playbookStep.update(full as Parameters<typeof mutators.playbookStep.update>[0]), wait);
        case 'productionEntry.create':
          return mutate(mutators.productionEntry.create(full as Parameters<typeof mutators.productionEntry.create>[0]), wait);
        default:
          return Promise.reject(new Error(`Unknown mutator ${String(name)}`));
      }
    },
  };
  window.__liveKpi = hook;
  return () => {
    if (window.__liveKpi === hook) delete window.__liveKpi;
  };
}
