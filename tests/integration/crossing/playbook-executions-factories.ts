import type { MutatorFactory, QueryFactory } from './cases.ts';

/** The playbook executions' synced queries. */
export const playbookExecutionQueries: Record<string, QueryFactory> = {
  'playbookCopies.list': { args: (w) => ({ orgID: w.orgA }) },
  'playbookExecutions.open': { args: (w) => ({ orgID: w.orgA }) },
  'playbookExecutions.forAccount': { args: (w) => ({ orgID: w.orgA, accountID: w.accountID }) },
  'playbookExecutions.byId': { args: (w) => ({ orgID: w.orgA, executionID: w.executionID }) },
};

/** The playbook executions' mutators. */
export const playbookExecutionMutators: Record<string, MutatorFactory> = {
  'playbookCopy.create': {
    args: (w) => ({ id: w.fresh(), sourcePlaybookID: 'renewal', name: 'Planted playbook' }),
    fromOwnOrg: [{ args: (w) => ({ id: w.copyID, sourcePlaybookID: 'renewal' }), refusal: 'CONFLICT' }],
  },
  'playbookCopy.update': { args: (w) => ({ id: w.copyID, name: 'Renamed playbook', durationDays: 7 }) },
  'playbookCopy.delete': { args: (w) => ({ id: w.spareCopyID }) },
  'playbookExecution.start': {
    args: (w) => ({ id: w.fresh(), accountID: w.accountID, playbookID: 'expansion' }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.fresh(), accountID: w.accountID, playbookID: 'expansion' }), refusal: 'NOT_FOUND' },
      { args: (w) => ({ id: w.executionID, accountID: w.accountB, playbookID: 'expansion' }), refusal: 'CONFLICT' },
      { args: (w) => ({ id: w.fresh(), accountID: w.accountB, playbookID: w.copyID }), refusal: 'VALIDATION_FAILED' },
    ],
  },
  'playbookExecution.complete': { args: (w) => ({ id: w.completeExecutionID }) },
  'playbookExecution.cancel': { args: (w) => ({ id: w.cancelExecutionID }) },
  'playbookExecution.delete': { args: (w) => ({ id: w.deleteExecutionID }) },
  'playbookStep.update': { args: (w) => ({ id: w.stepID, status: 'in_progress', result: 'Planted result' }) },
  'playbookStep.addNote': { args: (w) => ({ id: w.fresh(), stepID: w.stepID, body: 'Planted note' }) },
  'playbookEditing.touch': { args: (w) => ({ executionID: w.executionID, stepID: w.stepID, field: 'result' }) },
  'playbookEditing.leave': {
    args: (w) => ({ executionID: w.executionID }),
    fromOwnOrg: { allowed: 'it removes only the intruder’s own editing row (they have none on A’s execution)' },
  },
};
