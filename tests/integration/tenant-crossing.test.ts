import { randomUUID } from 'node:crypto';
import { defineMutator, defineMutators, defineQueries, defineQuery } from '@rocicorp/zero';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { z } from 'zod';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import { zql } from '../../sync/schema.ts';
import { addMember, api, createOrg, type Person, signUp } from '../helpers/people.ts';
import { openZero, type TestZero, watch } from '../helpers/zero-client.ts';

// Client-side stand-ins with the real names but no validation or filter, as
// a modified client could send: the server must not trust them.
const rogue = defineQueries({
  kpis: { list: defineQuery(z.json(), () => zql.kpi) },
  secrets: { everything: defineQuery(() => zql.kpi) },
});
// A mutator the server does not have, and a real name with a looser shape.
const rogueMutators = defineMutators({
  kpi: {
    purge: defineMutator(z.object({ id: z.string() }), async ({ tx, args }) => {
      await tx.mutate.kpi.delete({ id: args.id });
    }),
    create: defineMutator(z.json(), async () => {}),
  },
});

describe('crossing the tenant boundary is refused, writes nothing and reveals nothing', () => {
  let alice: Person; // owner of org A
  let viewer: Person; // viewer in org A
  let mallory: Person; // owner of org M, outsider to A
  let orgA: string;
  let orgM: string;
  let kpiA: string;
  let sql: postgres.Sql;
  const clients: TestZero[] = [];
  const open = (p: Person, org: string | null) => {
    const zc = openZero(p, org);
    clients.push(zc);
    return zc;
  };
  const dbCount = async (table: 'kpi' | 'data_point', where: string) =>
    Number((await sql.unsafe(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0]?.n);

  beforeAll(async () => {
    sql = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
    [alice, viewer, mallory] = await Promise.all([signUp('Alice'), signUp('Vic Viewer'), signUp('Mallory')]);
    orgA = await createOrg(alice);
    orgM = await createOrg(mallory);
    await addMember(alice, orgA, viewer, 'viewer');
    const za = open(alice, orgA);
    kpiA = randomUUID();
    const res = await za.mutate(mutators.kpi.create({ id: kpiA, name: 'Secret revenue', unit: '$', target: 100 })).server;
    expect(res.type).toBe('success');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await sql.end();
  });

  describe('through synced-query arguments', () => {
    test('an unfiltered client-side query under a real name still gets only what the server query permits', async () => {
      const zm = open(mallory, orgM);
      const w = watch<{ id: string }[]>(zm, rogue.kpis.list({ orgID: orgA }));
      const rows = await w.until(() => true);
      expect(rows.map((r) => r.id)).not.toContain(kpiA);
    });

    test('malformed arguments and unknown query names give an error and no rows', async () => {
      const zm = open(mallory, orgM);
      const bad = zm.materialize(rogue.kpis.list({ orgID: 12345 }));
      const unknown = zm.materialize(rogue.secrets.everything());
      const results = await Promise.all(
        [bad, unknown].map(
          (view) =>
            new Promise<{ type: string; rows: unknown }>((resolve) => {
              view.addListener((rows, type) => {
                if (type !== 'unknown') resolve({ type, rows: structuredClone(rows) });
              });
            }),
        ),
      );
      for (const r of results) {
        expect(r.type).toBe('error');
        expect((r.rows as unknown[]).map((x) => (x as { id: string }).id)).not.toContain(kpiA);
      }
    });
  });

  describe('through mutator arguments and context', () => {
    test("adding a point to another organization's KPI is refused as not found", async () => {
      const zm = open(mallory, orgM);
      const res = await zm.mutate(mutators.dataPoint.add({ id: randomUUID(), kpiID: kpiA, value: 1 })).server;
      expect(res.type).toBe('error');
      expect(res.type === 'error' && res.error.message).toBe('KPI not found.');
      expect(await dbCount('data_point', `kpi_id = '${kpiA}'`)).toBe(0);
    });

    test('an organization or author smuggled into the arguments is ignored', async () => {
      const zm = open(mallory, orgM);
      const kpiID = randomUUID();
      const args = { id: kpiID, name: 'Smuggled', unit: '', target: 5, organizationID: orgA, createdBy: alice.userID };
      const res = await zm.mutate(mutators.kpi.create(args as never)).server;
      expect(res.type).toBe('success');
      const [row] = await sql`SELECT organization_id, created_by FROM kpi WHERE id = ${kpiID}`;
      expect(row).toEqual({ organization_id: orgM, created_by: mallory.userID });
    });

    test("a viewer's data point is refused by the server and the optimistic row rolls back", async () => {
      const zv = open(viewer, orgA);
      // What the dashboard has open: the KPI list and the KPI's points.
      const kpis = watch<{ id: string; currentValue: number | null }[]>(zv, queries.kpis.list({ orgID: orgA }));
      const points = watch<{ id: string }[]>(zv, queries.dataPoints.forKpi({ orgID: orgA, kpiID: kpiA }));
      await kpis.until((rows) => rows.some((k) => k.id === kpiA));
      await points.until((rows) => rows.length === 0);
      const id = randomUUID();
      const write = zv.mutate(mutators.dataPoint.add({ id, kpiID: kpiA, value: 42 }));
      expect((await write.client).type).toBe('success');
      const res = await write.server;
      // It showed at once on the viewer's screen, then the server said no.
      expect(points.history().some((rows) => rows.some((p) => p.id === id))).toBe(true);
      expect(res.type).toBe('error');
      expect(res.type === 'error' && res.error.message).toMatch(/Your role \(Viewer\) cannot add data points/);
      expect(kpis.history().some((rows) => rows.some((k) => k.id === kpiA && k.currentValue === 42))).toBe(true);
      await points.until((rows) => !rows.some((p) => p.id === id));
      await kpis.until((rows) => rows.find((k) => k.id === kpiA)?.currentValue === null);
      expect(await dbCount('data_point', `id = '${id}'`)).toBe(0);
    });

    test('an unknown mutator, or malformed arguments to a real one, is refused and writes nothing', async () => {
      const za = openZero(alice, orgA, { mutators: rogueMutators, storageKey: `${orgA}:rogue` });
      clients.push(za);
      const purge = await za.mutate(rogueMutators.kpi.purge({ id: kpiA })).server;
      expect(purge.type).toBe('error');
      const malformed = await za.mutate(rogueMutators.kpi.create({ id: 42, name: ['x'], target: 'lots' })).server;
      expect(malformed.type).toBe('error');
      expect(await dbCount('kpi', `id = '${kpiA}'`)).toBe(1);
      expect(await dbCount('kpi', `organization_id = '${orgA}' AND name <> 'Secret revenue'`)).toBe(0);
    });

    test('invalid fields are refused with field details and nothing is written', async () => {
      const za = open(alice, orgA);
      const kpiID = randomUUID();
      const res = await za.mutate(mutators.kpi.create({ id: kpiID, name: ' ', unit: 'x'.repeat(30), target: -3 })).server;
      expect(res.type).toBe('error');
      const details =
        res.type === 'error' && 'details' in res.error
          ? (res.error.details as { code: string; issues: { loc: string[] }[] })
          : null;
      expect(details?.code).toBe('VALIDATION_FAILED');
      expect(details?.issues.map((i) => i.loc[0]).sort()).toEqual(['name', 'target', 'unit']);
      expect(await dbCount('kpi', `id = '${kpiID}'`)).toBe(0);
    });
  });

  describe('through HTTP', () => {
    test('the Zero endpoints refuse callers other than zero-cache, with or without a session', async () => {
      for (const path of ['/api/zero/query', '/api/zero/mutate']) {
        const anon = await api(null, 'POST', path, ['transform', []]);
        const withSession = await api(mallory, 'POST', path, ['transform', []], { 'x-organization-id': orgA });
        for (const res of [anon, withSession]) {
          expect(res.status).toBe(401);
          expect(res.body.error.code).toBe('UNAUTHENTICATED');
        }
      }
      expect(await dbCount('kpi', `organization_id = '${orgA}' AND created_by = '${mallory.userID}'`)).toBe(0);
    });

    test("listing another organization's members through the auth API is refused", async () => {
      const res = await api(mallory, 'GET', `/api/auth/organization/list-members?organizationId=${orgA}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(res.body)).not.toContain(alice.email);
    });

    test('switching the active organization to one you do not belong to is refused', async () => {
      const res = await api(mallory, 'POST', '/api/auth/organization/set-active', { organizationId: orgA });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body.error.message).toBeTruthy();
    });
  });

  describe('through identity', () => {
    test("a client claiming another person's user id is refused by zero-cache", async () => {
      // Mallory's cookie, Alice's user id in the connect URL.
      const impostor = { ...mallory, userID: alice.userID };
      const zi = openZero(impostor, orgA);
      clients.push(zi);
      // Asking for organization A's KPIs makes zero-cache transform the query
      // through our endpoint, which names the cookie's user (Mallory): the
      // connection claiming Alice is then refused. With no query asked, nothing
      // is checked until the periodic re-validation, and nothing is served.
      const w = watch<{ id: string }[]>(zi, queries.kpis.list({ orgID: orgA }));
      const state = await new Promise<string>((resolve) => {
        const stop = zi.connection.state.subscribe((s) => {
          if (s.name === 'needs-auth' || s.name === 'error') {
            stop();
            resolve(s.name);
          }
        });
        setTimeout(() => resolve(zi.connection.state.current.name), 30_000);
      });
      expect(['needs-auth', 'error']).toContain(state);
      expect((w.current() ?? []).map((k) => k.id)).not.toContain(kpiA);
    });
  });
});
