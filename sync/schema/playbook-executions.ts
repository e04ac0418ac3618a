import { enumeration, json, number, string, table } from '@rocicorp/zero';
import type { PlaybookStep } from '../../shared/playbooks/builtins.ts';
import type { ExecutionStatus, StepField, StepStatus, TriggeredBy } from '../../shared/playbooks/executions.ts';
import type { KpiValue, ReportData } from '../../shared/playbooks/report.ts';
import type { TriggerCondition } from '../../shared/playbooks/triggers.ts';
import { account } from './customer-success.ts';
import { type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

type Raci = PlaybookStep['raci'];

/** An organization's own copy of a built-in playbook. */
const playbookCopy = table('playbookCopy')
  .from('playbook_copy')
  .columns({
    ...tenantKey,
    sourcePlaybookID: string().from('source_playbook_id'),
    name: string(),
    durationDays: number().from('duration_days'),
    steps: json<PlaybookStep[]>(),
    exitCriteria: json<string[]>().from('exit_criteria'),
    createdBy: string().from('created_by').optional(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

/** A playbook running on an account. */
const playbookExecution = table('playbookExecution')
  .from('playbook_execution')
  .columns({
    ...tenantKey,
    accountID: string().from('account_id'),
    playbookID: string().from('playbook_id'),
    playbookName: string().from('playbook_name'),
    exitCriteria: json<string[]>().from('exit_criteria'),
    status: enumeration<ExecutionStatus>(),
    triggeredBy: enumeration<TriggeredBy>().from('triggered_by'),
    triggerReason: json<TriggerCondition[]>().from('trigger_reason').optional(),
    baseline: json<KpiValue[]>(),
    startedBy: string().from('started_by').optional(),
    startedAt: number().from('started_at'),
    dueAt: number().from('due_at'),
    completedBy: string().from('completed_by').optional(),
    completedAt: number().from('completed_at').optional(),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const playbookStep = table('playbookStep')
  .from('playbook_step')
  .columns({
    ...tenantKey,
    executionID: string().from('execution_id'),
    position: number(),
    stepKey: string().from('step_key'),
    title: string(),
    raci: json<Raci>(),
    status: enumeration<StepStatus>(),
    assigneeID: string().from('assignee_id').optional(),
    dueAt: number().from('due_at').optional(),
    result: string().optional(),
    updatedBy: string().from('updated_by').optional(),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const playbookStepNote = table('playbookStepNote')
  .from('playbook_step_note')
  .columns({
    ...tenantKey,
    executionID: string().from('execution_id'),
    stepID: string().from('step_id'),
    body: string(),
    authorID: string().from('author_id').optional(),
    createdAt: number().from('created_at'),
  })
  .primaryKey('id');

const playbookStepEditing = table('playbookStepEditing')
  .from('playbook_step_editing')
  .columns({
    ...tenantKey,
    executionID: string().from('execution_id'),
    stepID: string().from('step_id').optional(),
    field: enumeration<StepField>().optional(),
    userID: string().from('user_id'),
    seenAt: number().from('seen_at'),
  })
  .primaryKey('id');

const playbookReport = table('playbookReport')
  .from('playbook_report')
  .columns({
    ...tenantKey,
    executionID: string().from('execution_id'),
    reportData: json<ReportData>().from('report_data'),
    generatedAt: number().from('generated_at'),
  })
  .primaryKey('id');

export const playbookExecutionTables = [
  playbookCopy,
  playbookExecution,
  playbookStep,
  playbookStepNote,
  playbookStepEditing,
  playbookReport,
] as const;

export const playbookExecutionRelationships = [
  tenantRelationships(playbookCopy),
  tenantRelationships(playbookExecution, ({ one, many }) => ({
    account: one({ sourceField: ['accountID'], destSchema: account, destField: ['id'] }),
    starter: one({ sourceField: ['startedBy'], destSchema: user, destField: ['id'] }),
    steps: many({ sourceField: ['id'], destSchema: playbookStep, destField: ['executionID'] }),
    notes: many({ sourceField: ['id'], destSchema: playbookStepNote, destField: ['executionID'] }),
    editing: many({ sourceField: ['id'], destSchema: playbookStepEditing, destField: ['executionID'] }),
    report: one({ sourceField: ['id'], destSchema: playbookReport, destField: ['executionID'] }),
  })),
  tenantRelationships(playbookStep, ({ one }) => ({
    assignee: one({ sourceField: ['assigneeID'], destSchema: user, destField: ['id'] }),
  })),
  tenantRelationships(playbookStepNote, ({ one }) => ({
    author: one({ sourceField: ['authorID'], destSchema: user, destField: ['id'] }),
  })),
  tenantRelationships(playbookStepEditing, ({ one }) => ({
    user: one({ sourceField: ['userID'], destSchema: user, destField: ['id'] }),
  })),
  tenantRelationships(playbookReport),
] as const;

export const playbookExecutionScopes = {
  playbookCopy: { resource: 'playbook', noun: 'Playbook' },
  playbookExecution: { resource: 'playbookExecution', noun: 'Execution' },
  playbookStep: { resource: 'playbookStep', noun: 'Step' },
  playbookStepNote: { resource: 'playbookStep', noun: 'Note' },
  playbookStepEditing: { resource: 'playbookStep', noun: 'Editing' },
  playbookReport: { resource: 'playbookExecution', noun: 'Report' },
} as const satisfies Record<string, TenantScope>;
