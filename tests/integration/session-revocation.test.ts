import { describe, expect, test } from 'vitest';
import { queries } from '../../sync/queries.ts';
import { api, createOrg, signUp } from '../helpers/people.ts';
import { openZero } from '../helpers/zero-client.ts';

/** Resolves with `wanted` once the client reaches it, or with the state it is in after `timeoutMs`. */
function stateWithin(z: ReturnType<typeof openZero>, wanted: string, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve) => {
    if (z.connection.state.current.name === wanted) return resolve(wanted);
    const timer = setTimeout(() => {
      stop();
      resolve(z.connection.state.current.name);
    }, timeoutMs);
    const stop = z.connection.state.subscribe((s) => {
      if (s.name === wanted) {
        stop();
        clearTimeout(timer);
        resolve(wanted);
      }
    });
  });
}

describe('sessions', () => {
  test('a signed-out session stops syncing, and its cached cookie pair replayed cannot reconnect', async () => {
    const person = await signUp('Leaver');
    const orgID = await createOrg(person);
    const open = openZero(person, orgID);
    const view = open.materialize(queries.kpis.list({ orgID }));
    await new Promise<void>((resolve) => view.addListener((_rows, type) => type === 'complete' && resolve()));
    expect(open.connection.state.current.name).toBe('connected');

    const out = await api(person, 'POST', '/api/auth/sign-out', {});
    expect(out.status).toBe(200);

    // The connection that was already open is dropped at zero-cache's next
    // re-validation (3 s in the test stack, 60 s in production).
    const kicked = await stateWithin(open, 'needs-auth');
    expect(kicked).toBe('needs-auth');
    await open.close();

    // zero-cache reuses a query transform for 5 s per cookie; past that, the
    // same cookies (session token and signed session cache) replayed get nowhere.
    await new Promise((r) => setTimeout(r, 5_500));
    const after = openZero(person, orgID);
    const rows: unknown[] = [];
    after.materialize(queries.kpis.list({ orgID })).addListener((r, type) => type === 'complete' && rows.push(r));
    expect(await stateWithin(after, 'needs-auth')).toBe('needs-auth');
    expect(rows).toEqual([]);
    await after.close();
  });
});
