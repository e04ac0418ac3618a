import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import { useAdminSql } from '../helpers/db.ts';
import { team } from '../helpers/people.ts';
import { createKpi, expectError, expectStatus, type RestAuth, rest, restOwner } from '../helpers/rest.ts';
import { type TestZero, useZeroClients, watch } from '../helpers/zero-client.ts';

// Issue 8: a target of 1e308 was accepted and widened every page of its
// organization; a target of 0 could not model "safety incidents, lower is
// better"; numbers, money and dates follow the organization's locale.

const sql = useAdminSql();
const openZero = useZeroClients();
const LIMIT = '1,000,000,000,000,000';
const RULE = 'Target must be a positive number (or 0 when lower is better)';

type Result = Awaited<ReturnType<TestZero['mutate']>['server']>;
/** The refusal's code and field issues ({loc, msg}); 'success' when the write went through. */
const outcome = (res: Result) => {
  if (res.type !== 'error') return { code: res.type, issues: [] };
  const details = (res.error as { details?: { code?: string; issues?: { loc: unknown[]; msg: string }[] } }).details;
  return { code: details?.code, issues: (details?.issues ?? []).map(({ loc, msg }) => ({ loc, msg })) };
};

let me: RestAuth;
let orgID: string;
let zero: TestZero;
beforeAll(async () => {
  const owner = await restOwner();
  ({ me, orgID } = owner);
  zero = openZero(owner.owner, orgID);
});

describe('numbers beyond ±10^15 are a 400 naming the field and the limit', () => {
  test('REST: a KPI target, an edit and a record of 1e308', async () => {
    const created = await rest(me, 'POST', '/api/kpis', { title: 'Huge', targetValue: 1e308, unit: '' });
    expect(expectError(created, 400, 'VALIDATION_FAILED').details).toEqual([
      { loc: ['body', 'targetValue'], msg: `Target value must be at most ${LIMIT}`, type: 'too_big' },
    ]);
    const kpi = await createKpi(me);
    const edited = await rest(me, 'PUT', `/api/kpis/${kpi.id}`, { targetValue: 1e16 });
    expect(expectError(edited, 400, 'VALIDATION_FAILED').message).toBe(`Target value must be at most ${LIMIT}`);
    const record = await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, { value: -1e308 });
    expect(expectError(record, 400, 'VALIDATION_FAILED').details).toEqual([
      { loc: ['body', 'value'], msg: `Value must be at least -${LIMIT}`, type: 'too_small' },
    ]);
    expect(await sql`SELECT target FROM kpi WHERE id = ${kpi.id}`).toEqual([{ target: 1000 }]);
    expect(await sql`SELECT count(*)::int AS n FROM data_point WHERE kpi_id = ${kpi.id}`).toEqual([{ n: 0 }]);
    // The limit itself is fine.
    expectStatus(await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, { value: 1e15 }), 201);
  });

  test('mutators: kpi.create, dataPoint.add and a goal weight', async () => {
    const kpiID = randomUUID();
    expect(outcome(await zero.mutate(mutators.kpi.create({ id: kpiID, name: 'Huge', unit: '', target: 1e308 })).server)).toEqual({
      code: 'VALIDATION_FAILED',
      issues: [{ loc: ['target'], msg: `Target must be at most ${LIMIT}` }],
    });
    const kpi = await createKpi(me);
    const add = zero.mutate(mutators.dataPoint.add({ id: randomUUID(), kpiID: kpi.id, value: 2e15 })).server;
    expect(outcome(await add).issues).toEqual([{ loc: ['value'], msg: `Value must be at most ${LIMIT}` }]);
    const goal = mutators.goal.create({
      id: randomUUID(),
      title: 'G',
      targetDate: Date.now(),
      kpis: [{ kpiID: kpi.id, weight: 1e300 }],
    });
    expect(outcome(await zero.mutate(goal).server).issues).toEqual([
      { loc: ['kpis', 0, 'weight'], msg: `Weight must be at most ${LIMIT}` },
    ]);
  });

  test('the database refuses them too, whatever writes', async () => {
    const kpi = await createKpi(me);
    await expect(sql`UPDATE kpi SET target = 1e308 WHERE id = ${kpi.id}`).rejects.toThrow(/kpi_target_check/);
    await expect(sql`UPDATE kpi SET target = 'NaN' WHERE id = ${kpi.id}`).rejects.toThrow(/kpi_target_check/);
    await expect(sql`UPDATE kpi SET current_value = '-Infinity' WHERE id = ${kpi.id}`).rejects.toThrow(/kpi_current_value_bound/);
    await expect(
      sql`INSERT INTO data_point (id, organization_id, kpi_id, value, recorded_at, created_at)
          VALUES (${randomUUID()}, ${orgID}, ${kpi.id}, 1e16, now(), now())`,
    ).rejects.toThrow(/data_point_value_bound/);
  });
});

describe('a target of 0 where lower is better', () => {
  test('REST: accepted for lower-is-better, refused for higher-is-better, also by a later edit', async () => {
    const incidents = expectStatus(
      await rest(me, 'POST', '/api/kpis', { title: 'Safety incidents', targetValue: 0, direction: 'lower', unit: 'count' }),
      201,
    );
    expect(incidents).toMatchObject({ targetValue: 0, direction: 'lower' });
    const higher = await rest(me, 'POST', '/api/kpis', { title: 'Sales', targetValue: 0, unit: '' });
    expect(expectError(higher, 400, 'VALIDATION_FAILED').details).toEqual([
      { loc: ['body', 'targetValue'], msg: RULE.replace('Target', 'Target value'), type: 'custom' },
    ]);
    // Turning the zero-target KPI into higher-is-better leaves it with nothing to reach.
    const flipped = await rest(me, 'PUT', `/api/kpis/${incidents.id}`, { direction: 'higher' });
    expect(expectError(flipped, 400, 'VALIDATION_FAILED').details[0]?.loc).toEqual(['body', 'targetValue']);
    const other = await createKpi(me, { direction: 'higher' });
    expect((await rest(me, 'PUT', `/api/kpis/${other.id}`, { targetValue: 0 })).status).toBe(400);
    expectStatus(await rest(me, 'PUT', `/api/kpis/${other.id}`, { targetValue: 0, direction: 'lower' }), 200);
    expect(await sql`SELECT target, direction FROM kpi WHERE id IN (${incidents.id}, ${other.id}) ORDER BY name`).toEqual([
      { target: 0, direction: 'lower' },
      { target: 0, direction: 'lower' },
    ]);
  });

  test('mutators: the same rule; the database keeps it too', async () => {
    const lower = randomUUID();
    const ok = zero.mutate(mutators.kpi.create({ id: lower, name: 'Incidents', unit: '', target: 0, direction: 'lower' })).server;
    expect(outcome(await ok).code).toBe('success');
    const refused = zero.mutate(mutators.kpi.create({ id: randomUUID(), name: 'Sales', unit: '', target: 0 })).server;
    expect(outcome(await refused)).toEqual({ code: 'VALIDATION_FAILED', issues: [{ loc: ['target'], msg: RULE }] });
    const flip = zero.mutate(mutators.kpi.update({ id: lower, direction: 'higher' })).server;
    expect(outcome(await flip)).toEqual({ code: 'VALIDATION_FAILED', issues: [{ loc: ['target'], msg: RULE }] });
    await expect(sql`UPDATE kpi SET direction = 'higher' WHERE id = ${lower}`).rejects.toThrow(/kpi_target_check/);
  });
});

describe('the organization’s locale and currency', () => {
  test('default en-US and USD; an admin changes them, every member sees it live, the audit trail keeps it', async () => {
    const { orgID: org, owner, admin, manager } = await team(['admin', 'manager']);
    const watcher = openZero(manager, org);
    const view = watch(watcher, queries.organizations.mine());
    const mine = (rows: unknown) => (rows as { id: string; locale: string; currency: string }[]).find((o) => o.id === org);
    await view.until((rows) => mine(rows)?.locale === 'en-US' && mine(rows)?.currency === 'USD');

    const byAdmin = openZero(admin, org);
    const set = byAdmin.mutate(mutators.organization.updateFormats({ locale: 'de-de', currency: 'eur' })).server;
    expect(outcome(await set).code).toBe('success');
    await view.until((rows) => mine(rows)?.locale === 'de-DE' && mine(rows)?.currency === 'EUR');
    const audit = sql`
      SELECT actor_id, before, after FROM audit_log WHERE row_id = ${org} AND table_name = 'organization' AND action = 'update'`;
    expect(await audit).toEqual([
      {
        actor_id: admin.userID,
        // The time zone (023) is recorded with them, unchanged here.
        before: { locale: 'en-US', currency: 'USD', time_zone: 'UTC' },
        after: { locale: 'de-DE', currency: 'EUR', time_zone: 'UTC' },
      },
    ]);

    const byManager = watcher.mutate(mutators.organization.updateFormats({ currency: 'GBP' })).server;
    expect(outcome(await byManager).code).toBe('FORBIDDEN');
    const bad = openZero(owner, org).mutate(mutators.organization.updateFormats({ locale: 'no such', currency: 'XYZ1' })).server;
    expect(outcome(await bad)).toEqual({
      code: 'VALIDATION_FAILED',
      issues: [
        { loc: ['locale'], msg: 'Locale must be a language tag such as en-US or de-DE; “no such” is not one' },
        { loc: ['currency'], msg: 'Currency must be an ISO 4217 code such as USD or EUR' },
      ],
    });
    expect(await sql`SELECT locale, currency FROM organization WHERE id = ${org}`).toEqual([
      { locale: 'de-DE', currency: 'EUR' },
    ]);
  });
});
