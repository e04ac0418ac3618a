import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { useAdminSql } from '../../helpers/db.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectError, expectStatus, rest } from '../../helpers/rest.ts';

type Step = {
  id: string;
  title: string;
  status: string;
  assigneeId: string | null;
  dueAt: string | null;
  result: string | null;
  notes: { body: string; authorId: string }[];
};
type Execution = { id: string; playbookId: string; status: string; triggeredBy: string; steps: Step[] };

describe('REST playbook executions', () => {
  const org = useOrg('Executions REST', { ada: 'owner', max: 'manager', cam: 'operator', vic: 'viewer' });
  const outsider = useOrg('Executions REST outsider', { ida: 'owner' });
  const sql = useAdminSql();
  const as = (who: 'ada' | 'max' | 'cam' | 'vic') => ({ person: org[who], org: org.id });

  test('start, list, change a step field-wise with a note, refusals, completion and the report', async () => {
    const account = expectStatus(await rest(as('max'), 'POST', '/api/accounts', { name: 'Tailspin' }), 201) as { id: string };
    const base = `/api/accounts/${account.id}/playbook-executions`;
    expect(expectStatus(await rest(as('vic'), 'GET', base), 200)).toEqual([]);

    const started = expectStatus(await rest(as('cam'), 'POST', base, { playbookId: 'renewal' }), 201) as Execution;
    expect(started).toMatchObject({ playbookId: 'renewal', status: 'active', triggeredBy: 'manual' });
    expect(started.steps).toHaveLength(4);
    expect(Object.keys(started.steps[0] ?? {}).sort()).toEqual([
      'assigneeId',
      'dueAt',
      'id',
      'notes',
      'result',
      'status',
      'title',
    ]);
    expect(expectStatus(await rest(as('vic'), 'GET', base), 200)).toEqual([started]);

    expectError(await rest(as('cam'), 'POST', base, { playbookId: 'renewal' }), 409, 'CONFLICT');
    const unknown = expectError(await rest(as('cam'), 'POST', base, { playbookId: 'onboarding' }), 400, 'VALIDATION_FAILED');
    expect(unknown.details.map((d) => d.loc.join('.'))).toEqual(['body.playbookId']);
    expectError(await rest(as('vic'), 'POST', base, { playbookId: 'sla' }), 403, 'FORBIDDEN');
    expectError(await rest({ person: outsider.ida, org: outsider.id }, 'GET', base), 404, 'NOT_FOUND');
    expectError(await rest({ person: outsider.ida, org: outsider.id }, 'POST', base, { playbookId: 'sla' }), 404, 'NOT_FOUND');

    const [first, ...others] = started.steps as [Step, ...Step[]];
    const stepPath = `/api/playbook-executions/${started.id}/steps/${first.id}`;
    const a = expectStatus(
      await rest(as('cam'), 'PATCH', stepPath, { status: 'in_progress', notes: 'Called them' }),
      200,
    ) as Step;
    expect(a).toMatchObject({ status: 'in_progress', result: null, notes: [{ body: 'Called them', authorId: org.cam.userID }] });
    const dueAt = '2030-01-02T03:04:05.000Z';
    const b = expectStatus(
      await rest(as('max'), 'PATCH', stepPath, { result: 'Value confirmed', assigneeId: org.cam.userID, dueAt }),
      200,
    ) as Step;
    expect(b).toMatchObject({ status: 'in_progress', result: 'Value confirmed', assigneeId: org.cam.userID, dueAt });

    // Refused changes write nothing, the note included.
    expectError(await rest(as('vic'), 'PATCH', stepPath, { result: 'viewer' }), 403, 'FORBIDDEN');
    const bad = expectError(
      await rest(as('cam'), 'PATCH', stepPath, { assigneeId: org.vic.userID.slice(1), notes: 'must not stay' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.details.map((d) => d.loc.join('.'))).toEqual(['body.assigneeId']);
    expectError(await rest(as('cam'), 'PATCH', stepPath, { status: 'finished' }), 400, 'VALIDATION_FAILED');
    expectError(await rest({ person: outsider.ida, org: outsider.id }, 'PATCH', stepPath, { result: 'x' }), 404, 'NOT_FOUND');
    expectError(
      await rest(as('cam'), 'PATCH', `/api/playbook-executions/${randomUUID()}/steps/${first.id}`, { result: 'x' }),
      404,
      'NOT_FOUND',
    );
    expect(await sql`SELECT body FROM playbook_step_note WHERE step_id = ${first.id}`).toEqual([{ body: 'Called them' }]);

    const report = `/api/playbook-executions/${started.id}/report`;
    expectError(await rest(as('vic'), 'GET', report), 404, 'NOT_FOUND');
    for (const s of [first, ...others]) {
      expectStatus(
        await rest(as('cam'), 'PATCH', `/api/playbook-executions/${started.id}/steps/${s.id}`, { status: 'done' }),
        200,
      );
    }
    const made = expectStatus(await rest(as('vic'), 'GET', report), 200);
    expect(made).toMatchObject({
      executionId: started.id,
      executiveSummary: expect.stringMatching(/Renewal for Tailspin completed/),
      exitCriteriaMet: [{ criterion: 'Renewal signed or a decision recorded', met: true }],
      outcomes: [],
    });
    expect(Object.keys(made).sort()).toEqual(
      ['executionId', 'executiveSummary', 'exitCriteriaMet', 'generatedAt', 'nextSteps', 'outcomes', 'raciBreakdown'].sort(),
    );
    expectError(await rest({ person: outsider.ida, org: outsider.id }, 'GET', report), 404, 'NOT_FOUND');
    const listed = expectStatus(await rest(as('vic'), 'GET', base), 200) as Execution[];
    expect(listed[0]?.status).toBe('completed');
  });
});
