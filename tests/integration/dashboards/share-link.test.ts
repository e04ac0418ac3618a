import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { SYNC_DEADLINE_MS } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { createKpi, createShareLink, expectStatus, rest } from '../../helpers/rest.ts';
import { openShareZero, type TestZero, watch } from '../../helpers/zero-client.ts';

type SharedBoard = { id: string; widgets: { kpiLinks: { kpi: { id: string; currentValue: number | null } }[] }[] } | undefined;

/** Resolves once the client's connection reaches `state` (rejects after the sync deadline). */
function connectionReaches(zero: TestZero, state: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (zero.connection.state.current.name === state) return resolve();
    const timer = setTimeout(() => reject(new Error(`connection never reached ${state}`)), SYNC_DEADLINE_MS);
    const stop = zero.connection.state.subscribe((s) => {
      if (s.name !== state) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

describe('a dashboard’s read-only share link, as a wall screen uses it through Zero', () => {
  const org = useOrg('Share link', { ada: 'owner', mia: 'manager' });
  const intruder = useOrg('Share link intruder', { ivan: 'owner' });
  const sql = useAdminSql();
  const clients: TestZero[] = [];
  const screen = (token: string, shareID: string, workingIn?: string) => {
    const z = openShareZero(token, shareID, workingIn);
    clients.push(z);
    return z;
  };

  async function sharedBoard() {
    const me = { person: org.mia, org: org.id };
    const kpi = await createKpi(me, { title: 'Wall revenue', targetValue: 100 });
    const hidden = await createKpi(me, { title: 'Not on the wall', targetValue: 5 });
    const board = expectStatus(
      await rest(me, 'POST', '/api/dashboards', {
        name: 'Lobby',
        shared: true,
        widgets: [{ type: 'number', kpiIds: [kpi.id], x: 0, y: 0, w: 3, h: 2 }],
      }),
      201,
    );
    const link = await createShareLink(org.ada, org.id, board.id);
    return { me, kpi, hidden, board, link };
  }

  test('shows its one dashboard live, nothing else, and stops the moment it is revoked', async () => {
    const { me, kpi, hidden, board, link } = await sharedBoard();
    const z = screen(link.token, link.id);
    const linkView = watch<{ dashboardID: string } | undefined>(z, queries.sharedDashboard.link({ shareID: link.id }));
    await linkView.until((row) => row?.dashboardID === board.id);
    const boardView = watch<SharedBoard>(
      z,
      queries.sharedDashboard.dashboard({ shareID: link.id, dashboardID: board.id, since: 0 }),
    );
    const valueOnWall = (b: SharedBoard) => b?.widgets[0]?.kpiLinks[0]?.kpi.currentValue ?? null;
    await boardView.until((b) => b?.id === board.id && valueOnWall(b) === null);

    // A value entered elsewhere reaches the wall.
    expectStatus(await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, { value: 42 }), 201);
    await boardView.until((b) => valueOnWall(b) === 42);

    // Members' queries give the link nothing, not even the organization's other KPIs.
    const kpis = watch<unknown[]>(z, queries.kpis.list({ orgID: org.id }));
    expectStatus(await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, { value: 43 }), 201);
    await boardView.until((b) => valueOnWall(b) === 43);
    expect(JSON.stringify(kpis.current() ?? [])).not.toContain(hidden.id);
    expect(JSON.stringify(boardView.history())).not.toContain(hidden.id);

    // Revoked: the rows leave the screen at once.
    expectStatus(await rest({ person: org.ada, org: org.id }, 'DELETE', `/api/dashboards/${board.id}/share`), 200);
    await linkView.until((row) => row === undefined);
    await boardView.until((b) => b === undefined);
  });

  test('an expired or revoked link, or a made-up one, is refused when the screen connects', async () => {
    const { board, link } = await sharedBoard();
    await sql`UPDATE dashboard_share SET expires_at = now() - interval '1 minute' WHERE id = ${link.id}`;
    // As the wall screen does: it asks for its link, so zero-cache has the server check the token.
    const asking = (token: string, shareID: string) => {
      const z = screen(token, shareID);
      watch(z, queries.sharedDashboard.link({ shareID }));
      return z;
    };
    await connectionReaches(asking(link.token, link.id), 'needs-auth');
    const fresh = await createShareLink(org.ada, org.id, board.id);
    const forged = `${fresh.token.slice(0, -4)}AAAA`;
    await connectionReaches(asking(forged, fresh.id), 'needs-auth');
  });

  test('a link from another organization reads nothing of this one, and a link writes nothing', async () => {
    const { board, link } = await sharedBoard();
    const theirs = { person: intruder.ivan, org: intruder.id };
    const ownBoard = expectStatus(await rest(theirs, 'POST', '/api/dashboards', { name: 'Own wall', shared: true }), 201);
    const ownLink = await createShareLink(intruder.ivan, intruder.id, ownBoard.id);
    const z = screen(ownLink.token, ownLink.id);
    const own = watch<SharedBoard>(
      z,
      queries.sharedDashboard.dashboard({ shareID: ownLink.id, dashboardID: ownBoard.id, since: 0 }),
    );
    const naming = watch<SharedBoard>(
      z,
      queries.sharedDashboard.dashboard({ shareID: ownLink.id, dashboardID: board.id, since: 0 }),
    );
    const borrowed = watch<SharedBoard>(
      z,
      queries.sharedDashboard.dashboard({ shareID: link.id, dashboardID: board.id, since: 0 }),
    );
    const otherLink = watch<unknown>(z, queries.sharedDashboard.link({ shareID: link.id }));
    await own.until((b) => b?.id === ownBoard.id);
    for (const view of [naming, borrowed, otherLink]) {
      expect(view.resultType()).toBe('complete');
      expect(JSON.stringify(view.history())).not.toContain(board.id);
      expect(view.current() ?? null).toBeNull();
    }

    // A write through a link (a rogue client claiming to work in this organization, so the
    // write is pushed) is refused: the screen is told to sign in, and nothing is created.
    const rogue = screen(link.token, link.id, org.id);
    const id = randomUUID();
    void rogue.mutate(mutators.kpi.create({ id, name: 'Via link', unit: '', target: 1 }));
    await connectionReaches(rogue, 'needs-auth');
    expect(await sql`SELECT id FROM kpi WHERE id = ${id}`).toEqual([]);
  });

  afterAll(async () => {
    await Promise.all(clients.map((z) => z.close()));
  });
});
