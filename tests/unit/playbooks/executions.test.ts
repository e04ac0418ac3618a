import { describe, expect, test } from 'vitest';
import { BUILTIN_PLAYBOOKS } from '../../../shared/playbooks/builtins.ts';
import { playbookCopyPatch } from '../../../shared/playbooks/copies.ts';
import {
  allStepsFinished,
  canMoveStep,
  executionPlan,
  STEP_STATUSES,
  stepChangeInput,
} from '../../../shared/playbooks/executions.ts';
import { buildReport, type ReportInput } from '../../../shared/playbooks/report.ts';

const DAY = 86_400_000;

describe('step transitions', () => {
  test('forward at any time, back to work from done or skipped; a done step never returns to pending', () => {
    expect(canMoveStep('pending', 'in_progress')).toBe(true);
    expect(canMoveStep('pending', 'skipped')).toBe(true);
    expect(canMoveStep('in_progress', 'done')).toBe(true);
    expect(canMoveStep('done', 'in_progress')).toBe(true);
    expect(canMoveStep('done', 'pending')).toBe(false);
    expect(canMoveStep('done', 'skipped')).toBe(false);
    expect(canMoveStep('skipped', 'pending')).toBe(true);
    for (const s of STEP_STATUSES) expect(canMoveStep(s, s)).toBe(true);
  });

  test('an execution is finished when every step is done or skipped (and it has steps)', () => {
    expect(allStepsFinished(['done', 'skipped', 'done'])).toBe(true);
    expect(allStepsFinished(['done', 'in_progress'])).toBe(false);
    expect(allStepsFinished([])).toBe(false);
  });

  test('a step change names the bad field; fields not given stay absent', () => {
    expect(stepChangeInput.parse({ result: 'ok' })).toEqual({ result: 'ok' });
    const bad = stepChangeInput.safeParse({ status: 'finished', dueAt: 1.5 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['dueAt', 'status']);
  });

  test('the plan copies each step with its RACI and due day, and the execution is due after the duration', () => {
    const p = BUILTIN_PLAYBOOKS.sla;
    const plan = executionPlan(p, 0);
    expect(plan.dueAt).toBe(p.durationDays * DAY);
    expect(plan.steps.map((s) => [s.position, s.stepKey, s.dueAt])).toEqual(p.steps.map((s, i) => [i, s.key, s.dueDay * DAY]));
    expect(plan.steps[0]?.raci).toEqual(p.steps[0]?.raci);
  });

  test('a copy edit is refused naming the field: a duplicate step key, no steps, a zero duration', () => {
    const step = BUILTIN_PLAYBOOKS.sla.steps[0];
    const r = playbookCopyPatch.safeParse({ durationDays: 0, steps: [step, step] });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['durationDays', 'steps.1.key']);
    expect(playbookCopyPatch.safeParse({ steps: [] }).error?.issues[0]?.message).toBe('A playbook needs at least one step');
  });
});

describe('RACI report', () => {
  const steps = BUILTIN_PLAYBOOKS['voc-sprint'].steps;
  const input = (over: Partial<ReportInput> = {}): ReportInput => ({
    playbookName: 'VoC sprint',
    accountName: 'Contoso',
    status: 'completed',
    startedAt: 0,
    completedAt: 12 * DAY,
    steps: steps.map((s) => ({ title: s.title, status: 'done', raci: s.raci, result: null })),
    exitCriteria: ['Survey sent', 'Plan delivered'],
    baseline: [
      { kpi: 'NPS Score', value: 5 },
      { kpi: 'CSAT', value: 3.4 },
      { kpi: 'Logins', value: null },
    ],
    current: [
      { kpi: 'NPS Score', value: 22 },
      { kpi: 'CSAT', value: 3.1 },
      { kpi: 'Logins', value: 40 },
    ],
    ...over,
  });

  test('every step done: summary, outcomes with baseline, current and improvement, exit criteria met, back to cadence', () => {
    const r = buildReport(input());
    expect(r.executiveSummary).toBe('VoC sprint for Contoso completed after 12 days: 5 of 5 steps done, 0 skipped.');
    expect(r.outcomes).toEqual([
      { kpi: 'CSAT', baseline: 3.4, current: 3.1, improvement: -0.3 },
      { kpi: 'Logins', baseline: null, current: 40, improvement: null },
      { kpi: 'NPS Score', baseline: 5, current: 22, improvement: 17 },
    ]);
    expect(r.exitCriteriaMet).toEqual([
      { criterion: 'Survey sent', met: true },
      { criterion: 'Plan delivered', met: true },
    ]);
    expect(r.nextSteps).toEqual(['Return Contoso to the regular cadence and watch its health.']);
  });

  test('the RACI breakdown lists each role’s steps by letter, leaving out roles on no step', () => {
    const r = buildReport(input());
    const csm = r.raciBreakdown.find((e) => e.role === 'CSM');
    expect(csm?.responsible).toEqual(steps.filter((s) => s.raci.responsible === 'CSM').map((s) => s.title));
    const sponsor = r.raciBreakdown.find((e) => e.role === 'Executive Sponsor');
    expect(sponsor?.informed.length).toBeGreaterThan(0);
    expect(sponsor?.responsible).toEqual([]);
    for (const e of r.raciBreakdown) {
      expect(e.responsible.length + e.accountable.length + e.consulted.length + e.informed.length).toBeGreaterThan(0);
    }
  });

  test('a skipped step or a cancellation leaves the exit criteria unmet and names what to revisit', () => {
    const skipped = input({
      steps: steps.map((s, i) => ({ title: s.title, status: i === 2 ? 'skipped' : 'done', raci: s.raci, result: null })),
    });
    const r = buildReport(skipped);
    expect(r.exitCriteriaMet.every((c) => !c.met)).toBe(true);
    expect(r.nextSteps).toEqual([`Revisit “${steps[2]?.title}” (skipped)`]);
    const cancelled = buildReport(
      input({
        status: 'cancelled',
        completedAt: DAY,
        steps: steps.map((s) => ({ title: s.title, status: 'pending', raci: s.raci, result: null })),
      }),
    );
    expect(cancelled.executiveSummary).toBe(
      'VoC sprint for Contoso was cancelled after 1 day: 0 of 5 steps done, 0 skipped, 5 left open.',
    );
    expect(cancelled.nextSteps).toHaveLength(5);
  });
});
