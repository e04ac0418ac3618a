import { describe, expect, test } from 'vitest';
import { BUILTIN_PLAYBOOKS, PLAYBOOK_IDS } from '../../../shared/playbooks/builtins.ts';
import {
  conditionHolds,
  firedConditions,
  triggerConditionsInput,
  VOC_DEFAULT_CONDITIONS,
} from '../../../shared/playbooks/triggers.ts';

describe('built-in playbooks', () => {
  test('the five, each with ordered steps due within its duration, RACI on every step, and exit criteria', () => {
    expect(Object.keys(BUILTIN_PLAYBOOKS)).toEqual([...PLAYBOOK_IDS]);
    for (const p of Object.values(BUILTIN_PLAYBOOKS)) {
      expect(p.steps.length, p.id).toBeGreaterThanOrEqual(4);
      expect(new Set(p.steps.map((s) => s.key)).size, `${p.id} step keys`).toBe(p.steps.length);
      const due = p.steps.map((s) => s.dueDay);
      expect(due, `${p.id} due days in order`).toEqual([...due].sort((a, b) => a - b));
      expect(Math.max(...due), `${p.id} within duration`).toBeLessThanOrEqual(p.durationDays);
      for (const s of p.steps) expect(s.raci.responsible && s.raci.accountable, `${p.id}.${s.key}`).toBeTruthy();
      expect(p.exitCriteria.length, p.id).toBeGreaterThan(0);
    }
  });
});

describe('trigger conditions', () => {
  const facts = (values: Record<string, number>, healthNow: number | null = 70, healthLastMonth: number | null = 75) => ({
    kpiValues: new Map(Object.entries(values)),
    healthNow,
    healthLastMonth,
  });

  test('the VoC defaults: NPS < 10, CSAT < 3.6, Churn Risk > 30, health drop >= 10; any one fires', () => {
    expect(firedConditions(VOC_DEFAULT_CONDITIONS, facts({ 'NPS Score': 20, CSAT: 4, 'Churn Risk': 10 }))).toEqual([]);
    expect(firedConditions(VOC_DEFAULT_CONDITIONS, facts({ 'NPS Score': 9.99 })).map((c) => c.kpi)).toEqual(['NPS Score']);
    expect(firedConditions(VOC_DEFAULT_CONDITIONS, facts({ CSAT: 3.6 }))).toEqual([]); // not below
    expect(firedConditions(VOC_DEFAULT_CONDITIONS, facts({ 'Churn Risk': 31 })).map((c) => c.kpi)).toEqual(['Churn Risk']);
    expect(firedConditions(VOC_DEFAULT_CONDITIONS, facts({}, 65, 75)).map((c) => c.op)).toEqual(['drop']); // exactly 10
    expect(firedConditions(VOC_DEFAULT_CONDITIONS, facts({}, 66, 75))).toEqual([]);
  });

  test('a missing value never fires; each operator compares as written', () => {
    expect(conditionHolds({ kpi: 'CSAT', op: '<', value: 5 }, facts({}))).toBe(false);
    expect(conditionHolds({ kpi: 'health', op: 'drop', value: 1 }, facts({}, 50, null))).toBe(false);
    expect(conditionHolds({ kpi: 'health', op: '<=', value: 70 }, facts({}))).toBe(true);
    expect(conditionHolds({ kpi: 'X', op: '>=', value: 2 }, facts({ X: 2 }))).toBe(true);
    expect(conditionHolds({ kpi: 'X', op: '>', value: 2 }, facts({ X: 2 }))).toBe(false);
  });

  test('a condition on a KPI no reference range knows, or a drop on a KPI, is refused by field', () => {
    const input = triggerConditionsInput(['NPS Score', 'CSAT']);
    expect(
      input.safeParse([
        { kpi: 'NPS Score', op: '<', value: 10 },
        { kpi: 'health', op: 'drop', value: 10 },
      ]).success,
    ).toBe(true);
    const bad = input.safeParse([
      { kpi: 'Mood', op: '<', value: 1 },
      { kpi: 'CSAT', op: 'drop', value: 1 },
      { kpi: 'CSAT', op: '!=', value: 1 },
    ]);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['2.op']);
    const semantic = input.safeParse([
      { kpi: 'Mood', op: '<', value: 1 },
      { kpi: 'CSAT', op: 'drop', value: 1 },
    ]);
    expect(semantic.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['0.kpi', 'No reference range knows the KPI “Mood” (known: CSAT, NPS Score, or "health")'],
      ['1.op', '"drop" applies to health only (points month over month)'],
    ]);
  });
});
