import { boolean, json, number, string, table } from '@rocicorp/zero';
import type { TriggerCondition } from '../../shared/playbooks/triggers.ts';
import { type TenantScope, tenantKey, tenantRelationships } from './platform.ts';

/** The customer-success pack's playbook triggers: per organization and built-in playbook. */
const playbookTrigger = table('playbookTrigger')
  .from('playbook_trigger')
  .columns({
    ...tenantKey,
    playbookID: string().from('playbook_id'),
    autoTrigger: boolean().from('auto_trigger'),
    conditions: json<TriggerCondition[]>(),
    triggerCount: number().from('trigger_count'),
    lastEvaluatedAt: number().from('last_evaluated_at').optional(),
    lastFiredAt: number().from('last_fired_at').optional(),
    updatedBy: string().from('updated_by').optional(),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

export const playbookTables = [playbookTrigger] as const;
export const playbookRelationships = [tenantRelationships(playbookTrigger)] as const;
export const playbookScopes = {
  playbookTrigger: { resource: 'playbookTrigger', noun: 'Playbook trigger' },
} as const satisfies Record<string, TenantScope>;
