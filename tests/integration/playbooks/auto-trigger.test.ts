import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { PlaybookExecution } from '../../../sync/schema.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { JOB_DEADLINE_MS } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';
import { useZeroClients, watch } from '../../helpers/zero-client.ts';

const NPS = { higherIsBetter: true, critical: { min: -100, max: 0 }, risk: { min: 0, max: 30 }, healthy: { min: 30, max: 100 } };

type Trigger = { triggerCount: number; lastEvaluatedAt: string | null; lastFiredAt: string | null };

describe('automatic playbook triggers', () => {
  const org = useOrg('Auto triggers', { ada: 'owner', cam: 'operator' });
  const open = useZeroClients();
  const sql = useAdminSql();
  const as = (who: 'ada' | 'cam') => ({ person: org[who], org: org.id });

  test('a data point that crosses a threshold starts one execution within seconds; while it is open, no second; counts kept', async () => {
    expectStatus(await rest(as('ada'), 'PUT', '/api/reference-ranges/NPS%20Score', NPS), 200);
    const conditions = [
      { kpi: 'NPS Score', op: '<', value: 10 },
      { kpi: 'health', op: 'drop', value: 10 },
    ];
    expectStatus(await rest(as('ada'), 'PUT', '/api/playbook-triggers/voc-sprint', { autoTrigger: true, conditions }), 200);
    const za = open(org.ada, org.id);
    const accountID = randomUUID();
    const made = await za.mutate(mutators.account.create({ id: accountID, name: 'Contoso' })).server;
    expect(made.type).toBe('success');
    const kpi = expectStatus(
      await rest(as('ada'), 'POST', '/api/kpis', {
        title: 'NPS Score',
        unit: '',
        targetValue: 50,
        accountId: accountID,
        healthCategory: 'Relationship Strength',
      }),
      201,
    ) as { id: string };
    const trigger = async () => expectStatus(await rest(as('cam'), 'GET', '/api/playbook-triggers/voc-sprint'), 200) as Trigger;
    const runs = watch<PlaybookExecution[]>(za, queries.playbookExecutions.forAccount({ orgID: org.id, accountID }));
    await runs.until((r) => r.length === 0);

    // Above the threshold: evaluated, nothing started.
    expectStatus(await rest(as('cam'), 'POST', `/api/kpis/${kpi.id}/records`, { value: 40 }), 201);
    await expect.poll(async () => (await trigger()).lastEvaluatedAt, { timeout: JOB_DEADLINE_MS }).not.toBeNull();
    expect(await trigger()).toMatchObject({ triggerCount: 0, lastFiredAt: null });

    // Below it: one execution, started within five seconds of the write.
    const posted = Date.now();
    expectStatus(await rest(as('cam'), 'POST', `/api/kpis/${kpi.id}/records`, { value: 4 }), 201);
    const started = await runs.until((r) => r.length === 1, JOB_DEADLINE_MS);
    expect(Date.now() - posted).toBeLessThan(5000);
    expect(started[0]).toMatchObject({
      playbookID: 'voc-sprint',
      triggeredBy: 'auto',
      status: 'active',
      startedBy: org.cam.userID,
    });
    expect(started[0]?.triggerReason).toEqual([{ kpi: 'NPS Score', op: '<', value: 10 }]);
    expect(started[0]?.baseline).toEqual([{ kpi: 'NPS Score', value: 4 }]);
    const fired = await trigger();
    expect(fired.triggerCount).toBe(1);
    expect(fired.lastFiredAt).not.toBeNull();

    // Still below while it is open: evaluated again, no second execution, the count unchanged.
    const before = fired.lastEvaluatedAt;
    expectStatus(await rest(as('cam'), 'POST', `/api/kpis/${kpi.id}/records`, { value: 2 }), 201);
    await expect.poll(async () => (await trigger()).lastEvaluatedAt, { timeout: JOB_DEADLINE_MS }).not.toBe(before);
    expect((await trigger()).triggerCount).toBe(1);
    const rows = await sql`SELECT id FROM playbook_execution WHERE account_id = ${accountID}`;
    expect(rows).toHaveLength(1);

    // The start is audited as the job, acting as the member whose point crossed the threshold.
    const audit = await sql`
      SELECT actor_id FROM audit_log WHERE organization_id = ${org.id} AND table_name = 'playbook_execution'
        AND source = 'job:playbook-triggers'`;
    expect(audit).toEqual([{ actor_id: org.cam.userID }]);
  });

  test('a health drop of 10 points month over month fires (health scored from the account’s KPIs and ranges)', async () => {
    expectStatus(await rest(as('ada'), 'PUT', '/api/reference-ranges/CSAT', { ...NPS, critical: { min: -100, max: 0 } }), 200);
    const conditions = [{ kpi: 'health', op: 'drop', value: 10 }];
    expectStatus(await rest(as('ada'), 'PUT', '/api/playbook-triggers/sla', { autoTrigger: true, conditions }), 200);
    // The VoC sprint's trigger of the test before, switched off: only the SLA playbook is under test here.
    expectStatus(await rest(as('ada'), 'PUT', '/api/playbook-triggers/voc-sprint', { autoTrigger: false, conditions }), 200);
    const account = expectStatus(await rest(as('ada'), 'POST', '/api/accounts', { name: 'Wingtip' }), 201) as { id: string };
    const kpi = expectStatus(
      await rest(as('ada'), 'POST', '/api/kpis', {
        title: 'CSAT',
        unit: '',
        targetValue: 90,
        accountId: account.id,
        healthCategory: 'Support & Experience',
      }),
      201,
    ) as { id: string };
    const startOfMonth = new Date();
    startOfMonth.setUTCDate(1);
    startOfMonth.setUTCHours(0, 0, 0, 0);
    const lastMonth = new Date(startOfMonth.getTime() - 2 * 86_400_000).toISOString();
    const za = open(org.ada, org.id);
    const runs = watch<PlaybookExecution[]>(za, queries.playbookExecutions.forAccount({ orgID: org.id, accountID: account.id }));

    // Last month healthy (score 100), now still healthy (score 91.4): an 8.6-point fall does not fire.
    expectStatus(await rest(as('cam'), 'POST', `/api/kpis/${kpi.id}/records`, { value: 100, recordedAt: lastMonth }), 201);
    expectStatus(await rest(as('cam'), 'POST', `/api/kpis/${kpi.id}/records`, { value: 76 }), 201);
    const sla = async () => expectStatus(await rest(as('cam'), 'GET', '/api/playbook-triggers/sla'), 200) as Trigger;
    await expect.poll(async () => (await sla()).lastEvaluatedAt, { timeout: JOB_DEADLINE_MS }).not.toBeNull();
    expect((await sla()).triggerCount).toBe(0);
    expect(runs.current()).toEqual([]);

    // Into the risk band (score 62.5): a 37.5-point fall fires the SLA playbook.
    expectStatus(await rest(as('cam'), 'POST', `/api/kpis/${kpi.id}/records`, { value: 15 }), 201);
    const started = await runs.until((r) => r.length === 1, JOB_DEADLINE_MS);
    expect(started[0]).toMatchObject({ playbookID: 'sla', triggeredBy: 'auto', triggerReason: conditions });
    expect((await sla()).triggerCount).toBe(1);
  });
});
