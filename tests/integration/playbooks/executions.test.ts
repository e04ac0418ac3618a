import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { ReportData } from '../../../shared/playbooks/report.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { PlaybookExecution, PlaybookStepRow } from '../../../sync/schema.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';
import { type TestZero, useZeroClients, watch } from '../../helpers/zero-client.ts';

type Full = PlaybookExecution & {
  steps: PlaybookStepRow[];
  notes: { stepID: string; body: string; authorID: string }[];
  editing: { stepID: string | null; field: string | null; userID: string }[];
  report?: { reportData: ReportData };
};

async function ok(z: TestZero, write: Parameters<TestZero['mutate']>[0]) {
  const r = await z.mutate(write).server;
  expect(r.type, JSON.stringify(r)).toBe('success');
}

describe('playbook executions through Zero', () => {
  const org = useOrg('Playbook executions', { ada: 'owner', max: 'manager', cam: 'operator', cid: 'operator', vic: 'viewer' });
  const open = useZeroClients();
  const sql = useAdminSql();

  test('two CSMs change different fields of one step and type notes at once: both keep theirs; a viewer is refused', async () => {
    const [zc, zd, zv] = [open(org.cam, org.id), open(org.cid, org.id), open(org.vic, org.id)];
    const zm = open(org.max, org.id);
    const accountID = randomUUID();
    await ok(zm, mutators.account.create({ id: accountID, name: 'Fabrikam' }));
    const executionID = randomUUID();
    await ok(zc, mutators.playbookExecution.start({ id: executionID, accountID, playbookID: 'voc-sprint' }));
    const seen = watch<Full | undefined>(zv, queries.playbookExecutions.byId({ orgID: org.id, executionID }));
    const first = await seen.until((e) => e?.steps.length === 5);
    expect(first).toMatchObject({ status: 'active', triggeredBy: 'manual', startedBy: org.cam.userID, accountID });
    const step = first?.steps[0] as PlaybookStepRow;
    expect(step).toMatchObject({ status: 'pending', title: expect.stringContaining('Review'), position: 0 });

    // A second open VoC sprint on the account is refused.
    const twice = await zd.mutate(mutators.playbookExecution.start({ id: randomUUID(), accountID, playbookID: 'voc-sprint' }))
      .server;
    expect(twice.type === 'error' && twice.error.message).toMatch(/already running/);

    await Promise.all([
      ok(zc, mutators.playbookStep.update({ id: step.id, status: 'in_progress' })),
      ok(zd, mutators.playbookStep.update({ id: step.id, result: 'Three detractors reached' })),
      ok(zc, mutators.playbookStep.addNote({ id: randomUUID(), stepID: step.id, body: 'Cam: called the CTO' })),
      ok(zd, mutators.playbookStep.addNote({ id: randomUUID(), stepID: step.id, body: 'Cid: ticket backlog is 40' })),
      ok(zd, mutators.playbookEditing.touch({ executionID, stepID: step.id, field: 'notes' })),
    ]);
    const both = await seen.until((e) => e?.notes.length === 2 && e.steps[0]?.result !== null && e.editing.length === 1);
    expect(both?.steps[0]).toMatchObject({ status: 'in_progress', result: 'Three detractors reached' });
    expect(both?.notes.map((n) => n.body).sort()).toEqual(['Cam: called the CTO', 'Cid: ticket backlog is 40']);
    expect(both?.editing[0]).toMatchObject({ userID: org.cid.userID, stepID: step.id, field: 'notes' });
    await ok(zd, mutators.playbookEditing.leave({ executionID }));
    await seen.until((e) => e?.editing.length === 0);

    const refused = await zv.mutate(mutators.playbookStep.update({ id: step.id, status: 'done' })).server;
    expect(refused.type === 'error' && refused.error.message).toMatch(/Your role \(Viewer\) cannot work on playbook steps/);
    const badMove = await zc.mutate(mutators.playbookStep.update({ id: step.id, status: 'done', assigneeID: 'nobody' })).server;
    expect(badMove.type === 'error' && badMove.error.message).toMatch(/Assignee must be a member/);
    const [row] = await sql`SELECT status, result FROM playbook_step WHERE id = ${step.id}`;
    expect(row).toEqual({ status: 'in_progress', result: 'Three detractors reached' });
  });

  test('the last step done completes the execution with its RACI report; deleting it deletes the report', async () => {
    const [zc, zm] = [open(org.cam, org.id), open(org.max, org.id)];
    const accountID = randomUUID();
    await ok(zm, mutators.account.create({ id: accountID, name: 'Northwind' }));
    const kpi = expectStatus(
      await rest({ person: org.max, org: org.id }, 'POST', '/api/kpis', {
        title: 'CSAT',
        unit: '',
        targetValue: 5,
        accountId: accountID,
      }),
      201,
    ) as { id: string };
    expectStatus(await rest({ person: org.cam, org: org.id }, 'POST', `/api/kpis/${kpi.id}/records`, { value: 3.2 }), 201);
    const executionID = randomUUID();
    await ok(zc, mutators.playbookExecution.start({ id: executionID, accountID, playbookID: 'sla' }));
    const seen = watch<Full | undefined>(zc, queries.playbookExecutions.byId({ orgID: org.id, executionID }));
    const started = await seen.until((e) => e?.steps.length === 4);
    expect(started?.baseline).toEqual([{ kpi: 'CSAT', value: 3.2 }]);
    expectStatus(await rest({ person: org.cam, org: org.id }, 'POST', `/api/kpis/${kpi.id}/records`, { value: 4.1 }), 201);

    const steps = started?.steps ?? [];
    for (const s of steps.slice(0, -1)) await ok(zc, mutators.playbookStep.update({ id: s.id, status: 'done' }));
    expect((await sql`SELECT status FROM playbook_execution WHERE id = ${executionID}`)[0]?.status).toBe('active');
    await ok(zc, mutators.playbookStep.update({ id: steps.at(-1)?.id ?? '', status: 'skipped' }));
    const done = await seen.until((e) => e?.status === 'completed' && !!e.report);
    const report = done?.report?.reportData as ReportData;
    expect(report.outcomes).toEqual([{ kpi: 'CSAT', baseline: 3.2, current: 4.1, improvement: 0.9 }]);
    expect(report.executiveSummary).toMatch(/SLA recovery for Northwind completed/);
    expect(report.exitCriteriaMet.every((c) => c.met === false)).toBe(true);
    expect(report.nextSteps[0]).toMatch(/Revisit/);
    expect(report.raciBreakdown.find((r) => r.role === 'Support Lead')?.responsible).toHaveLength(2);

    // A finished execution's steps are locked; only managers delete, and the report goes with it.
    const late = await zc.mutate(mutators.playbookStep.update({ id: steps[0]?.id ?? '', result: 'late' })).server;
    expect(late.type === 'error' && late.error.message).toMatch(/already completed/);
    const notMine = await zc.mutate(mutators.playbookExecution.delete({ id: executionID })).server;
    expect(notMine.type === 'error' && notMine.error.message).toMatch(
      /Your role \(Operator\) cannot complete, cancel or delete playbook executions/,
    );
    await ok(zm, mutators.playbookExecution.delete({ id: executionID }));
    await seen.until((e) => e === undefined);
    expect(await sql`SELECT id FROM playbook_report WHERE execution_id = ${executionID}`).toEqual([]);
    expect(await sql`SELECT id FROM playbook_step WHERE execution_id = ${executionID}`).toEqual([]);
  });

  test('a manager completes one execution early and cancels another: each keeps its report; an operator may do neither', async () => {
    const [zc, zm] = [open(org.cam, org.id), open(org.max, org.id)];
    const accountID = randomUUID();
    await ok(zm, mutators.account.create({ id: accountID, name: 'Fabrikam' }));
    const [early, dropped] = [randomUUID(), randomUUID()];
    await ok(zc, mutators.playbookExecution.start({ id: early, accountID, playbookID: 'renewal' }));
    await ok(zc, mutators.playbookExecution.start({ id: dropped, accountID, playbookID: 'expansion' }));
    const first = watch<Full | undefined>(zc, queries.playbookExecutions.byId({ orgID: org.id, executionID: early }));
    const second = watch<Full | undefined>(zc, queries.playbookExecutions.byId({ orgID: org.id, executionID: dropped }));
    const steps = (await first.until((e) => (e?.steps.length ?? 0) > 1))?.steps ?? [];
    await ok(zc, mutators.playbookStep.update({ id: steps[0]?.id ?? '', status: 'done', result: 'Renewal call held' }));

    for (const write of [
      mutators.playbookExecution.complete({ id: early }),
      mutators.playbookExecution.cancel({ id: dropped }),
    ]) {
      const refused = await zc.mutate(write).server;
      expect(refused.type === 'error' && refused.error.message).toMatch(/Your role \(Operator\) cannot complete, cancel/);
    }
    expect((await sql`SELECT status FROM playbook_execution WHERE id IN ${sql([early, dropped])}`).map((r) => r.status)).toEqual([
      'active',
      'active',
    ]);

    await ok(zm, mutators.playbookExecution.complete({ id: early }));
    await ok(zm, mutators.playbookExecution.cancel({ id: dropped }));
    const completed = await first.until((e) => e?.status === 'completed' && !!e.report);
    const cancelled = await second.until((e) => e?.status === 'cancelled' && !!e.report);
    // Completing by hand leaves the steps as they were: one done, the rest still pending.
    expect(completed?.steps.map((s) => s.status)).toEqual(['done', ...steps.slice(1).map(() => 'pending')]);
    expect(completed?.completedAt).toEqual(expect.any(Number));
    expect((completed?.report?.reportData as ReportData | undefined)?.executiveSummary).toMatch(/Renewal for Fabrikam completed/);
    expect((cancelled?.report?.reportData as ReportData | undefined)?.executiveSummary).toMatch(/cancelled/i);
    // Both are finished: their steps are locked.
    const late = await zc.mutate(mutators.playbookStep.update({ id: steps[1]?.id ?? '', status: 'done' })).server;
    expect(late.type === 'error' && late.error.message).toMatch(/already completed/);
  });
});
