import { z } from 'zod';
import { boundedNumber } from '../numbers.ts';

/**
 * A playbook's trigger conditions (seed 002): any one that holds fires it.
 * `kpi` names a KPI (by the name its reference range has) or "health"; `op`
 * compares the latest value, or for "drop" the fall since last month
 * (health drop >= 10 points month over month).
 */
export const TRIGGER_OPS = ['<', '<=', '>', '>=', 'drop'] as const;
export type TriggerOp = (typeof TRIGGER_OPS)[number];

// A type, not an interface: it is stored as JSON, and JSON types need an index signature.
export type TriggerCondition = {
  kpi: string;
  op: TriggerOp;
  value: number;
};

/** The VoC sprint's default conditions (seed 002). */
export const VOC_DEFAULT_CONDITIONS: TriggerCondition[] = [
  { kpi: 'NPS Score', op: '<', value: 10 },
  { kpi: 'CSAT', op: '<', value: 3.6 },
  { kpi: 'Churn Risk', op: '>', value: 30 },
  { kpi: 'health', op: 'drop', value: 10 },
];

export const HEALTH_SUBJECT = 'health';

/** The conditions, refused when one names a KPI no reference range knows (or "drop" on a KPI: only health drops). */
export function triggerConditionsInput(knownKpiNames: readonly string[]) {
  const known = new Set(knownKpiNames);
  return z
    .array(
      z.object({
        kpi: z
          .string({ error: 'kpi is required' })
          .trim()
          .min(1, 'kpi is required')
          .max(100, 'kpi must be at most 100 characters'),
        op: z.enum(TRIGGER_OPS, { error: `op must be one of ${TRIGGER_OPS.join(', ')}` }),
        value: boundedNumber('value'),
      }),
    )
    .max(20, 'At most 20 conditions')
    .superRefine((conditions, ctx) => {
      conditions.forEach((c, i) => {
        if (c.kpi !== HEALTH_SUBJECT && !known.has(c.kpi)) {
          const hint = known.size ? `known: ${[...known].sort().join(', ')}` : 'this organization has no reference range yet';
          ctx.addIssue({
            code: 'custom',
            path: [i, 'kpi'],
            message: `No reference range knows the KPI “${c.kpi}” (${hint}, or "health")`,
          });
        }
        if (c.op === 'drop' && c.kpi !== HEALTH_SUBJECT) {
          ctx.addIssue({ code: 'custom', path: [i, 'op'], message: '"drop" applies to health only (points month over month)' });
        }
      });
    });
}

/** What a condition is evaluated against: each KPI's latest value by name, and health now and a month ago. */
export interface TriggerFacts {
  kpiValues: ReadonlyMap<string, number>;
  healthNow: number | null;
  healthLastMonth: number | null;
}

/** Whether one condition holds; a missing value never fires. */
export function conditionHolds(c: TriggerCondition, f: TriggerFacts): boolean {
  if (c.op === 'drop') {
    if (f.healthNow === null || f.healthLastMonth === null) return false;
    return f.healthLastMonth - f.healthNow >= c.value;
  }
  const v = c.kpi === HEALTH_SUBJECT ? f.healthNow : f.kpiValues.get(c.kpi);
  if (v === null || v === undefined) return false;
  switch (c.op) {
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
    case '>':
      return v > c.value;
    case '>=':
      return v >= c.value;
  }
}

/** The conditions that hold (any one fires the playbook). */
export const firedConditions = (conditions: readonly TriggerCondition[], f: TriggerFacts) =>
  conditions.filter((c) => conditionHolds(c, f));

/** A playbook's trigger until an admin changes it: the VoC sprint's conditions of seed 002, none for the others; auto-trigger off. */
export function defaultTrigger(playbookID: string): { autoTrigger: boolean; conditions: TriggerCondition[] } {
  return { autoTrigger: false, conditions: playbookID === 'voc-sprint' ? [...VOC_DEFAULT_CONDITIONS] : [] };
}
