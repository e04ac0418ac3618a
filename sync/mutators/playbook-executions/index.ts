import { playbookCopyMutators } from './copies.ts';
import { playbookEditingMutators } from './editing.ts';
import { playbookExecutionMutators } from './executions.ts';
import { playbookStepMutators } from './steps.ts';

/** The customer-success pack's playbook execution mutators (and the organization's playbook copies). */
export const playbookRunMutators = {
  playbookCopy: playbookCopyMutators,
  playbookExecution: playbookExecutionMutators,
  playbookStep: playbookStepMutators,
  playbookEditing: playbookEditingMutators,
};
