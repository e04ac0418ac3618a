import { playbookTriggerMutators } from './triggers.ts';

/** The customer-success pack's playbook mutators. */
export const playbookMutators = {
  playbookTrigger: playbookTriggerMutators,
};
