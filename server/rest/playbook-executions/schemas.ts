import { z } from '@hono/zod-openapi';
import { EXECUTION_STATUSES, NOTE_MAX, RESULT_MAX, STEP_STATUSES, TRIGGERED_BY } from '../../../shared/playbooks/executions.ts';
import type { ReportData } from '../../../shared/playbooks/report.ts';
import type { PlaybookExecution, PlaybookStepRow } from '../../../sync/schema.ts';
import { restFields } from '../issues.ts';
import { iso } from '../json.ts';

/** The step and execution mutators' fields under their REST names, for the refusals they send back. */
export const executionRestFields = restFields({
  playbookID: 'playbookId',
  accountID: 'accountId',
  assigneeID: 'assigneeId',
  body: 'notes',
});

const NoteSchema = z
  .object({
    id: z.string(),
    body: z.string(),
    authorId: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('StepNote');

export const StepSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(STEP_STATUSES),
    assigneeId: z.string().nullable().openapi({ description: 'A member of the organization' }),
    dueAt: z.string().nullable().openapi({ format: 'date-time' }),
    result: z.string().nullable(),
    notes: z.array(NoteSchema).openapi({ description: 'Oldest first; each PATCH with `notes` appends one' }),
  })
  .openapi('PlaybookStep');

export const ExecutionSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    playbookId: z
      .string()
      .openapi({ description: 'A built-in (voc-sprint, activation, sla, renewal, expansion) or the organization’s copy' }),
    playbookName: z.string(),
    status: z.enum(EXECUTION_STATUSES),
    triggeredBy: z.enum(TRIGGERED_BY),
    startedBy: z.string().nullable(),
    startedAt: z.string().openapi({ format: 'date-time' }),
    dueAt: z.string().openapi({ format: 'date-time' }),
    completedAt: z.string().nullable().openapi({ format: 'date-time' }),
    steps: z.array(StepSchema),
  })
  .openapi('PlaybookExecution');

export const StartSchema = z
  .object({ playbookId: z.string({ error: 'playbookId is required' }).openapi({ example: 'voc-sprint' }) })
  .openapi('PlaybookExecutionStart');

export const StepPatchSchema = z
  .object({
    status: z.enum(STEP_STATUSES, { error: `status must be one of ${STEP_STATUSES.join(', ')}` }).optional(),
    assigneeId: z.string({ error: 'assigneeId must be an id or null' }).nullable().optional(),
    dueAt: z.iso.datetime({ offset: true, error: 'dueAt must be an ISO 8601 date-time or null' }).nullable().optional(),
    result: z.string({ error: 'result must be text or null' }).max(RESULT_MAX).nullable().optional(),
    notes: z
      .string({ error: 'notes must be text' })
      .max(NOTE_MAX)
      .optional()
      .openapi({ description: 'Appended as a new note by the caller (notes are never overwritten)' }),
  })
  .openapi('PlaybookStepChange');

const Outcome = z.object({
  kpi: z.string(),
  baseline: z.number().nullable(),
  current: z.number().nullable(),
  improvement: z.number().nullable(),
});
const RaciEntry = z.object({
  role: z.string(),
  responsible: z.array(z.string()),
  accountable: z.array(z.string()),
  consulted: z.array(z.string()),
  informed: z.array(z.string()),
});

export const ReportSchema = z
  .object({
    executionId: z.string(),
    generatedAt: z.string().openapi({ format: 'date-time' }),
    executiveSummary: z.string(),
    raciBreakdown: z.array(RaciEntry),
    outcomes: z.array(Outcome).openapi({ description: 'Each KPI of the account: value at start, latest value, and the change' }),
    exitCriteriaMet: z.array(z.object({ criterion: z.string(), met: z.boolean() })),
    nextSteps: z.array(z.string()),
  })
  .openapi('PlaybookReport');

type Note = { id: string; stepID: string; body: string; authorID?: string | null; createdAt: number };
export type ExecutionRow = PlaybookExecution & { steps: readonly PlaybookStepRow[]; notes: readonly Note[] };

const isoOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : iso(ms));

export function stepJson(s: PlaybookStepRow, notes: readonly Note[]): z.infer<typeof StepSchema> {
  return {
    id: s.id,
    title: s.title,
    status: s.status,
    assigneeId: s.assigneeID ?? null,
    dueAt: isoOrNull(s.dueAt),
    result: s.result ?? null,
    notes: notes
      .filter((n) => n.stepID === s.id)
      .map((n) => ({ id: n.id, body: n.body, authorId: n.authorID ?? null, createdAt: iso(n.createdAt) })),
  };
}

export function executionJson(e: ExecutionRow): z.infer<typeof ExecutionSchema> {
  return {
    id: e.id,
    accountId: e.accountID,
    playbookId: e.playbookID,
    playbookName: e.playbookName,
    status: e.status,
    triggeredBy: e.triggeredBy,
    startedBy: e.startedBy ?? null,
    startedAt: iso(e.startedAt),
    dueAt: iso(e.dueAt),
    completedAt: isoOrNull(e.completedAt),
    steps: e.steps.map((s) => stepJson(s, e.notes)),
  };
}

export function reportJson(r: {
  executionID: string;
  generatedAt: number;
  reportData: ReportData;
}): z.infer<typeof ReportSchema> {
  return { executionId: r.executionID, generatedAt: iso(r.generatedAt), ...r.reportData };
}
