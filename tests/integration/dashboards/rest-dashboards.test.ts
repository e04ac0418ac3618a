import { describe, expect, test } from 'vitest';
import { useOrg } from '../../helpers/people.ts';
import { createKpi, createShareLink, expectError, expectStatus, rest } from '../../helpers/rest.ts';

/** Field names in a 400's details. */
const locs = (error: { details: { loc: (string | number)[] }[] }) => error.details.map((d) => d.loc.join('.'));

describe('REST /api/dashboards', () => {
  const org = useOrg('Dashboards REST', { ada: 'owner', mia: 'manager', vic: 'viewer' });
  const other = useOrg('Dashboards elsewhere', { ivan: 'owner' });
  const as = (who: 'ada' | 'mia' | 'vic') => ({ person: org[who], org: org.id });

  test('a dashboard with widgets: created (201 with id), read, listed, edited in place, deleted', async () => {
    const mrr = await createKpi(as('mia'), { title: 'MRR' });
    const churn = await createKpi(as('mia'), { title: 'Churn', unit: '%' });
    const created = expectStatus(
      await rest(as('mia'), 'POST', '/api/dashboards', {
        name: 'Weekly review',
        shared: true,
        timeRange: '90d',
        widgets: [
          { type: 'number', kpiIds: [mrr.id], x: 0, y: 0, w: 3, h: 2 },
          { type: 'line', kpiIds: [churn.id, mrr.id], x: 3, y: 0, w: 6, h: 4, options: { showTarget: true } },
          { type: 'text', text: 'Review on Mondays', x: 9, y: 0, w: 3, h: 2 },
        ],
      }),
      201,
    );
    expect(created).toMatchObject({ id: expect.any(String), name: 'Weekly review', shared: true, timeRange: '90d' });
    expect(created.widgets.map((w: { type: string; kpiIds: string[] }) => [w.type, w.kpiIds])).toEqual([
      ['number', [mrr.id]],
      ['line', [churn.id, mrr.id]],
      ['text', []],
    ]);
    expect(expectStatus(await rest(as('vic'), 'GET', `/api/dashboards/${created.id}`), 200)).toEqual(created);
    const listed = expectStatus(await rest(as('vic'), 'GET', '/api/dashboards'), 200);
    expect(listed.map((d: { id: string }) => d.id)).toContain(created.id);

    // PUT: a new name; widgets replaced, the line kept by id (moved), the note dropped, a gauge added.
    const line = created.widgets[1];
    const edited = expectStatus(
      await rest(as('mia'), 'PUT', `/api/dashboards/${created.id}`, {
        name: 'Monday review',
        widgets: [
          { id: line.id, type: 'line', kpiIds: [mrr.id], x: 0, y: 2, w: 8, h: 4 },
          { type: 'gauge', kpiIds: [churn.id], x: 8, y: 2, w: 4, h: 3 },
        ],
      }),
      200,
    );
    expect(edited.name).toBe('Monday review');
    expect(edited.widgets.map((w: { id: string; type: string; x: number; y: number }) => [w.type, w.x, w.y])).toEqual([
      ['line', 0, 2],
      ['gauge', 8, 2],
    ]);
    expect(edited.widgets[0].id).toBe(line.id);

    expect((await rest(as('mia'), 'DELETE', `/api/dashboards/${created.id}`)).status).toBe(204);
    expectError(await rest(as('mia'), 'GET', `/api/dashboards/${created.id}`), 404, 'NOT_FOUND');
  });

  test('bad widgets are refused with 400 naming the field: unknown type, another organization’s KPI, off the grid', async () => {
    const mine = await createKpi(as('mia'), { title: 'Mine' });
    const theirs = await createKpi({ person: other.ivan, org: other.id }, { title: 'Theirs' });
    const post = (widget: Record<string, unknown>) =>
      rest(as('mia'), 'POST', '/api/dashboards', { name: 'Bad', shared: true, widgets: [widget] });

    let error = expectError(await post({ type: 'pie', kpiIds: [mine.id], x: 0, y: 0, w: 3, h: 2 }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.widgets.0.type']);
    expect(error.message).toContain('number, line, bar, gauge, goal, table, text');

    error = expectError(await post({ type: 'number', kpiIds: [theirs.id], x: 0, y: 0, w: 3, h: 2 }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.widgets.0.kpiIds.0']);

    error = expectError(await post({ type: 'number', kpiIds: [mine.id], x: 10, y: 0, w: 3, h: 2 }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.widgets.0.w']);
    error = expectError(await post({ type: 'number', kpiIds: [mine.id], x: 12, y: -1, w: 3, h: 2 }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(expect.arrayContaining(['body.widgets.0.x', 'body.widgets.0.y']));
    error = expectError(await post({ type: 'text', x: 0, y: 0, w: 3, h: 2 }), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.widgets.0.text']);
    error = expectError(
      await post({ type: 'bar', kpiIds: [mine.id], x: 0, y: 0, w: 6, h: 4, options: { bucket: 'day' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error)).toEqual(['body.widgets.0.options.bucket']);
    // Nothing half-made.
    const names = expectStatus(await rest(as('mia'), 'GET', '/api/dashboards'), 200).map((d: { name: string }) => d.name);
    expect(names).not.toContain('Bad');
  });

  test('the customer-success pack’s widgets are accepted; an unknown option or another organization’s account is refused naming the field', async () => {
    const acme = expectStatus(await rest(as('mia'), 'POST', '/api/accounts', { name: 'Acme' }), 201) as { id: string };
    const theirs = expectStatus(
      await rest({ person: other.ivan, org: other.id }, 'POST', '/api/accounts', { name: 'Theirs' }),
      201,
    ) as { id: string };
    const portfolio = { type: 'portfolioHealth', x: 0, y: 0, w: 6, h: 4 };
    const account = (accountId: string) => ({ type: 'accountHealth', x: 6, y: 0, w: 3, h: 3, options: { accountId } });
    const created = expectStatus(
      await rest(as('mia'), 'POST', '/api/dashboards', {
        name: 'Health board',
        shared: true,
        widgets: [portfolio, account(acme.id)],
      }),
      201,
    );
    expect(
      created.widgets.map((w: { type: string; options: unknown; kpiIds: string[] }) => [w.type, w.options, w.kpiIds]),
    ).toEqual([
      ['portfolioHealth', {}, []],
      ['accountHealth', { accountId: acme.id }, []],
    ]);

    const post = (widgets: Record<string, unknown>[]) =>
      rest(as('mia'), 'POST', '/api/dashboards', { name: 'Bad health', shared: true, widgets });
    // Another organization's account: the same 400 as an id that exists nowhere, naming the option.
    for (const id of [theirs.id, 'no-such-account']) {
      const error = expectError(await post([portfolio, account(id)]), 400, 'VALIDATION_FAILED');
      expect(locs(error)).toEqual(['body.widgets.1.options.accountId']);
      expect(error.message).not.toContain('Theirs');
    }
    let error = expectError(await post([{ ...portfolio, options: { accountId: acme.id } }]), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.widgets.0.options']);
    expect(error.message).toContain('Unknown option for a portfolio health widget: accountId');
    error = expectError(await post([{ ...account(acme.id), options: {} }]), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.widgets.0.options.accountId']);
    error = expectError(await post([{ ...portfolio, kpiIds: [(await createKpi(as('mia'))).id] }]), 400, 'VALIDATION_FAILED');
    expect(locs(error)).toEqual(['body.widgets.0.kpiIds']);
    // PUT checks the same way, and leaves the dashboard as it was.
    error = expectError(
      await rest(as('mia'), 'PUT', `/api/dashboards/${created.id}`, { widgets: [account(theirs.id)] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(locs(error)).toEqual(['body.widgets.0.options.accountId']);
    expect(expectStatus(await rest(as('mia'), 'GET', `/api/dashboards/${created.id}`), 200)).toEqual(created);
    const names = expectStatus(await rest(as('mia'), 'GET', '/api/dashboards'), 200).map((d: { name: string }) => d.name);
    expect(names).not.toContain('Bad health');
  });

  test('private dashboards are their keeper’s alone; shared ones need a manager; viewers keep private ones', async () => {
    const own = expectStatus(await rest(as('vic'), 'POST', '/api/dashboards', { name: 'My corner' }), 201);
    expect(own.shared).toBe(false);
    expectError(await rest(as('ada'), 'GET', `/api/dashboards/${own.id}`), 404, 'NOT_FOUND');
    expectError(await rest(as('ada'), 'PUT', `/api/dashboards/${own.id}`, { name: 'Taken' }), 404, 'NOT_FOUND');
    expect(expectStatus(await rest(as('ada'), 'GET', '/api/dashboards'), 200).map((d: { id: string }) => d.id)).not.toContain(
      own.id,
    );

    expectError(await rest(as('vic'), 'POST', '/api/dashboards', { name: 'For all', shared: true }), 403, 'FORBIDDEN');
    expectError(await rest(as('vic'), 'PUT', `/api/dashboards/${own.id}`, { shared: true }), 403, 'FORBIDDEN');
    const team = expectStatus(await rest(as('mia'), 'POST', '/api/dashboards', { name: 'Team board', shared: true }), 201);
    expectError(await rest(as('vic'), 'PUT', `/api/dashboards/${team.id}`, { name: 'Mine now' }), 403, 'FORBIDDEN');
    expectError(await rest(as('ada'), 'PUT', `/api/dashboards/${team.id}`, { shared: false }), 403, 'FORBIDDEN');
    // Another organization sees none of it.
    expectError(await rest({ person: other.ivan, org: other.id }, 'GET', `/api/dashboards/${team.id}`), 404, 'NOT_FOUND');
  });

  test('share links: admins make them for shared dashboards; the token opens no REST route; DELETE revokes', async () => {
    const board = expectStatus(await rest(as('mia'), 'POST', '/api/dashboards', { name: 'Wall', shared: true }), 201);
    const mine = expectStatus(await rest(as('ada'), 'POST', '/api/dashboards', { name: 'Private wall' }), 201);
    expectError(await rest(as('mia'), 'POST', `/api/dashboards/${board.id}/share`, {}), 403, 'FORBIDDEN');
    expectError(await rest(as('ada'), 'POST', `/api/dashboards/${mine.id}/share`, {}), 409, 'CONFLICT');
    const past = new Date(Date.now() - 60_000).toISOString();
    expect(
      locs(
        expectError(
          await rest(as('ada'), 'POST', `/api/dashboards/${board.id}/share`, { expiresAt: past }),
          400,
          'VALIDATION_FAILED',
        ),
      ),
    ).toEqual(['body.expiresAt']);

    const link = await createShareLink(org.ada, org.id, board.id);
    expect(link.url).toMatch(new RegExp(`/tv/${link.token}$`));
    for (const path of ['/api/dashboards', `/api/dashboards/${board.id}`, '/api/kpis']) {
      const error = expectError(await rest({ key: link.token }, 'GET', path), 401, 'UNAUTHENTICATED');
      expect(error.message).toContain('share link');
    }
    expectError(await rest({ key: link.token }, 'POST', '/api/dashboards', { name: 'Via link' }), 401, 'UNAUTHENTICATED');

    expect(expectStatus(await rest(as('ada'), 'DELETE', `/api/dashboards/${board.id}/share`), 200)).toEqual({ revoked: 1 });
    expect(expectStatus(await rest(as('ada'), 'DELETE', `/api/dashboards/${board.id}/share`), 200)).toEqual({ revoked: 0 });
  });
});
