import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import { zql } from '../../sync/schema.ts';
import { createOrg, type Person, signUp } from '../helpers/people.ts';
import { stackInfo } from '../helpers/stack-info.ts';
import { openZero, type TestZero, watch } from '../helpers/zero-client.ts';

/**
 * zero-cache's inspector runs analyze-query over any table with no permission
 * filter, for whoever it counts as signed in. In development mode it counts
 * every client, whatever the password: a signed-in person of organization B
 * read organization A's rows through it. The stack now always runs it in
 * production mode, with an admin password.
 */
describe("zero-cache's inspector", () => {
  let alice: Person; // owner of organization A
  let bruno: Person; // owner of organization B
  let orgA: string;
  let orgB: string;
  const kpiID = randomUUID();
  const clients: TestZero[] = [];
  /** Bruno's client, connected and synced: refused with wrong passwords, then let in with the right one. */
  let zb: TestZero;

  beforeAll(async () => {
    [alice, bruno] = await Promise.all([signUp('Alice'), signUp('Bruno')]);
    [orgA, orgB] = await Promise.all([createOrg(alice), createOrg(bruno)]);
    const za = openZero(alice, orgA);
    clients.push(za);
    const created = za.mutate(mutators.kpi.create({ id: kpiID, name: 'Private churn', unit: '%', target: 2 }));
    expect((await created.server).type).toBe('success');
  });
  afterAll(async () => {
    await Promise.all(clients.map((z) => z.close()));
  });

  test("refuses a person of another organization with an empty or a wrong password, and shows none of A's rows", async () => {
    zb = openZero(bruno, orgB);
    clients.push(zb);
    // Connected and synced, as a signed-in person would be.
    await watch(zb, queries.kpis.list({ orgID: orgB })).until(() => true);

    expect(await zb.inspector.authenticate('')).toBe(false);
    expect(await zb.inspector.authenticate('not-the-password')).toBe(false);
    const peek = zb.inspector.analyzeQuery(zql.kpi.where('organizationID', orgA), { vendedRows: true, syncedRows: true });
    const outcome = await peek.then(
      (result) => ({ leaked: JSON.stringify(result) }),
      (err: Error) => ({ refused: err.message }),
    );
    expect(outcome).toHaveProperty('refused');
    expect(JSON.stringify(outcome)).not.toContain(kpiID);
    expect(JSON.stringify(outcome)).not.toContain('Private churn');
  });

  test('answers only with the admin password (which the stack always has), so the refusal above is what protects the rows', async () => {
    // The same client that was refused above: only the password differs. (A second client of
    // Bruno's, opened just for this, sometimes never finished its first sync within the deadline.)
    const admin = zb;
    const password = stackInfo().zeroAdminPassword;
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(await admin.inspector.authenticate(password)).toBe(true);
    const result = await admin.inspector.analyzeQuery(zql.kpi.where('organizationID', orgA), { vendedRows: true });
    expect(JSON.stringify(result)).toContain(kpiID);
  });
});
