import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { Account } from '../../../sync/schema.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { useOrg } from '../../helpers/people.ts';
import { useZeroClients, watch } from '../../helpers/zero-client.ts';

type AccountWithAll = Account & { owner?: { name: string }; kpis: { id: string; name: string; weight: number }[] };

describe('accounts through Zero', () => {
  const org = useOrg('Accounts sync', { ada: 'owner', mia: 'manager', vic: 'viewer' });
  const open = useZeroClients();
  const sql = useAdminSql();

  test('a manager adds an account and links a KPI; a viewer sees it live with its CSM and KPIs; the write is audited', async () => {
    const zm = open(org.mia, org.id);
    const zv = open(org.vic, org.id);
    const accountID = randomUUID();
    const active = watch<Account[]>(zv, queries.accounts.list({ orgID: org.id, status: 'active' }));
    const one = watch<AccountWithAll | undefined>(zv, queries.accounts.byId({ orgID: org.id, accountID }));
    await active.until((rows) => rows.length === 0);

    const made = await zm.mutate(
      mutators.account.create({
        id: accountID,
        name: 'Woodgrove Bank',
        annualRevenue: 50000,
        region: 'EMEA',
        ownerID: org.vic.userID,
      }),
    ).server;
    expect(made.type, JSON.stringify(made)).toBe('success');
    const kpiID = randomUUID();
    const kpi = await zm.mutate(
      mutators.kpi.create({
        id: kpiID,
        name: 'Logins per week',
        unit: '',
        target: 10,
        accountID,
        healthCategory: 'Adoption & Engagement',
        weight: 2,
      }),
    ).server;
    expect(kpi.type, JSON.stringify(kpi)).toBe('success');

    const seen = await one.until((a) => a?.kpis.length === 1);
    expect(seen).toMatchObject({
      name: 'Woodgrove Bank',
      status: 'active',
      annualRevenue: 50000,
      region: 'EMEA',
      ownerID: org.vic.userID,
      createdBy: org.mia.userID,
      owner: { name: expect.any(String) },
    });
    expect(seen?.kpis.map((k) => [k.id, k.weight])).toEqual([[kpiID, 2]]);

    // The viewer may read, not write: refused by the server, with the role named.
    const refused = await zv.mutate(mutators.account.update({ id: accountID, name: 'Viewer was here' })).server;
    expect(refused.type).toBe('error');
    expect(refused.type === 'error' && refused.error.message).toMatch(/Your role \(Viewer\) cannot edit accounts/);

    const off = await zm.mutate(mutators.account.deactivate({ id: accountID })).server;
    expect(off.type).toBe('success');
    await active.until((rows) => rows.length === 0);
    expect((await one.until((a) => a?.status === 'inactive'))?.kpis).toHaveLength(1);

    const audit = await sql<{ action: string; actor_id: string }[]>`
      SELECT action, actor_id FROM audit_log WHERE table_name = 'cs_account' AND row_id = ${accountID} ORDER BY id`;
    expect(audit).toEqual([
      { action: 'insert', actor_id: org.mia.userID },
      { action: 'update', actor_id: org.mia.userID },
    ]);
  });
});
