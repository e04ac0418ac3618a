import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { JOB_DEADLINE_MS } from '../../helpers/deadlines.ts';
import { NPS_RANGE } from '../../helpers/health.ts';
import { useOrg } from '../../helpers/people.ts';
import { createKpi, createShareLink, expectStatus, rest } from '../../helpers/rest.ts';
import { openShareZero, useZeroClients, watch } from '../../helpers/zero-client.ts';

describe('customer-success widgets through Zero: the account option’s tenancy, and what a share link reads', () => {
  const org = useOrg('Health widgets sync', { ada: 'owner', mia: 'manager' });
  const other = useOrg('Health widgets elsewhere', { ivan: 'owner' });
  const sql = useAdminSql();
  const zeroFor = useZeroClients();
  const mia = () => ({ person: org.mia, org: org.id });
  const newAccount = async (auth: { person: typeof org.mia; org: string }, name: string) =>
    expectStatus(await rest(auth, 'POST', '/api/accounts', { name }), 201).id as string;
  const widgetRow = async (id: string) =>
    (await sql<{ options: unknown }[]>`SELECT options FROM dashboard_widget WHERE id = ${id}`)[0];

  test('widget.add and widget.update refuse another organization’s account, naming options.accountId; an own account is taken', async () => {
    const [acme, beta] = [await newAccount(mia(), 'Acme'), await newAccount(mia(), 'Beta')];
    const theirs = await newAccount({ person: other.ivan, org: other.id }, 'Theirs');
    const board = expectStatus(await rest(mia(), 'POST', '/api/dashboards', { name: 'Sync health', shared: true }), 201);
    const z = zeroFor(org.mia, org.id);
    const refusal = (result: unknown) => {
      const r = result as { type: string; error?: { details?: { code: string; issues: { loc: unknown[] }[] } } };
      expect(r.type).toBe('error');
      expect(r.error?.details?.code).toBe('VALIDATION_FAILED');
      return r.error?.details?.issues.map((i) => i.loc.join('.'));
    };

    const cell = { x: 0, y: 0, w: 3, h: 3 };
    const foreign = randomUUID();
    const added = await z.mutate(
      mutators.widget.add({ id: foreign, dashboardID: board.id, type: 'accountHealth', ...cell, options: { accountId: theirs } }),
    ).server;
    expect(refusal(added)).toEqual(['options.accountId']);
    expect(await widgetRow(foreign)).toBeUndefined();

    const id = randomUUID();
    const ok = z.mutate(
      mutators.widget.add({ id, dashboardID: board.id, type: 'accountHealth', ...cell, options: { accountId: acme } }),
    );
    expect(await ok.server).toEqual({ type: 'success' });
    const moved = await z.mutate(mutators.widget.update({ id, options: { accountId: theirs } })).server;
    expect(refusal(moved)).toEqual(['options.accountId']);
    expect((await widgetRow(id))?.options).toEqual({ accountId: acme });
    expect(await z.mutate(mutators.widget.update({ id, options: { accountId: beta } })).server).toEqual({ type: 'success' });
    expect((await widgetRow(id))?.options).toEqual({ accountId: beta });
  });

  test('a share link of a dashboard with health widgets reads no health and no account: the pack’s queries give it nothing', async () => {
    const acme = await newAccount(mia(), 'Shared Acme');
    expectStatus(await rest({ person: org.ada, org: org.id }, 'PUT', '/api/reference-ranges/Wall%20NPS', NPS_RANGE), 200);
    const nps = await createKpi(mia(), {
      title: 'Wall NPS',
      accountId: acme,
      healthCategory: 'Relationship Strength',
      targetValue: 50,
    });
    expectStatus(await rest(mia(), 'POST', `/api/kpis/${nps.id}/records`, { value: 15 }), 201);
    await expect
      .poll(async () => (await sql`SELECT overall FROM account_health WHERE account_id = ${acme}`)[0]?.overall, {
        timeout: JOB_DEADLINE_MS,
      })
      .toBe(62.5);
    const board = expectStatus(
      await rest(mia(), 'POST', '/api/dashboards', {
        name: 'Health wall',
        shared: true,
        widgets: [
          { type: 'number', kpiIds: [nps.id], x: 0, y: 0, w: 3, h: 2 },
          { type: 'portfolioHealth', x: 3, y: 0, w: 6, h: 4 },
          { type: 'accountHealth', x: 9, y: 0, w: 3, h: 3, options: { accountId: acme } },
        ],
      }),
      201,
    );
    const link = await createShareLink(org.ada, org.id, board.id);
    const screen = openShareZero(link.token, link.id);
    try {
      type Board = { widgets: { type: string; kpiLinks: { kpi: { currentValue: number | null } }[] }[] } | undefined;
      const wall = watch<Board>(screen, queries.sharedDashboard.dashboard({ shareID: link.id, dashboardID: board.id, since: 0 }));
      const views = [
        watch<unknown>(screen, queries.health.portfolio({ orgID: org.id })),
        watch<unknown>(screen, queries.health.account({ orgID: org.id, accountID: acme })),
        watch<unknown>(screen, queries.health.trend({ orgID: org.id, accountID: acme })),
        watch<unknown>(screen, queries.accounts.list({ orgID: org.id })),
      ];
      const value = (b: Board) => b?.widgets.find((w) => w.type === 'number')?.kpiLinks[0]?.kpi.currentValue ?? null;
      await wall.until((b) => value(b) === 15);
      // A later value reaches the wall: everything committed before it has reached every view that may hold it.
      expectStatus(await rest(mia(), 'POST', `/api/kpis/${nps.id}/records`, { value: 20 }), 201);
      await wall.until((b) => value(b) === 20);
      for (const view of views) expect(JSON.stringify(view.history())).not.toContain(acme);
      expect(JSON.stringify(wall.history())).not.toMatch(/62\.5|"overall"/);
    } finally {
      await screen.close();
    }
  });
});
