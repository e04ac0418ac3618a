import { z } from 'zod';
import { BUILTIN_PLAYBOOKS, PLAYBOOK_IDS, type Playbook, type PlaybookID, type PlaybookStep } from './builtins.ts';

/** A step's status, as stored (in_progress) and as REST says it ("in progress" reads the same). */
export const STEP_STATUSES = ['pending', 'in_progress', 'done', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const EXECUTION_STATUSES = ['active', 'completed', 'cancelled'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
export const TRIGGERED_BY = ['auto', 'manual'] as const;
export type TriggeredBy = (typeof TRIGGERED_BY)[number];
/** The fields of a step someone can be editing (shown to the others). */
export const STEP_FIELDS = ['status', 'assignee', 'dueAt', 'result', 'notes'] as const;
export type StepField = (typeof STEP_FIELDS)[number];

export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

export const EXECUTION_STATUS_LABELS: Record<ExecutionStatus, string> = {
  active: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/**
 * Where a step may go from each status: forward at any time, and back to
 * work (a done step reopened, a skipped one taken up again).
 */
const MOVES: Record<StepStatus, readonly StepStatus[]> = {
  pending: ['in_progress', 'done', 'skipped'],
  in_progress: ['pending', 'done', 'skipped'],
  done: ['in_progress'],
  skipped: ['pending', 'in_progress'],
};

/** Whether a step may move from one status to another (staying put is always fine). */
export const canMoveStep = (from: StepStatus, to: StepStatus) => from === to || MOVES[from].includes(to);

/** A step that needs no more work. */
export const isFinished = (s: StepStatus) => s === 'done' || s === 'skipped';

/** An execution completes by itself when every step is done or skipped. */
export const allStepsFinished = (statuses: readonly StepStatus[]) => statuses.length > 0 && statuses.every(isFinished);

export const NOTE_MAX = 5000;
export const RESULT_MAX = 5000;

/** A step change: any of the fields, each written only when given (two people changing different fields both keep theirs). */
export const stepChangeInput = z.object({
  status: z.enum(STEP_STATUSES, { error: `status must be one of ${STEP_STATUSES.join(', ')}` }).optional(),
  assigneeID: z.string().min(1).max(64).nullable().optional(),
  dueAt: z.number({ error: 'dueAt must be a time' }).int('dueAt must be a time').nullable().optional(),
  result: z.string().max(RESULT_MAX, `result must be at most ${RESULT_MAX} characters`).nullable().optional(),
});
export type StepChange = z.infer<typeof stepChangeInput>;

export const noteInput = z
  .string({ error: 'note is required' })
  .trim()
  .min(1, 'note is required')
  .max(NOTE_MAX, `note must be at most ${NOTE_MAX} characters`);

/** A playbook an organization may run: a built-in, or its copy of one (the copy's fields as stored). */
export interface RunnablePlaybook {
  id: string;
  name: string;
  durationDays: number;
  steps: readonly PlaybookStep[];
  exitCriteria: readonly string[];
}

export const isBuiltinID = (id: string): id is PlaybookID => (PLAYBOOK_IDS as readonly string[]).includes(id);
export const builtinPlaybook = (id: string): Playbook | null => (isBuiltinID(id) ? BUILTIN_PLAYBOOKS[id] : null);

const DAY = 86_400_000;

/** The rows a start writes: the execution's due time and each step, due its day after the start. */
export function executionPlan(playbook: RunnablePlaybook, startedAt: number) {
  return {
    dueAt: startedAt + playbook.durationDays * DAY,
    steps: playbook.steps.map((s, position) => ({
      position,
      stepKey: s.key,
      title: s.title,
      raci: s.raci,
      dueAt: startedAt + s.dueDay * DAY,
    })),
  };
}
