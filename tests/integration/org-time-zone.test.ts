import { describe, expect, test } from 'vitest';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import { useAdminSql } from '../helpers/db.ts';
import { addMember, createOrg, signUp, team } from '../helpers/people.ts';
import { type TestZero, useZeroClients, watch } from '../helpers/zero-client.ts';

// The shop-floor issue: the line dashboard shows today's units "in the
// organization's time zone". The zone is stored on the organization, set by
// its admins through organization.updateFormats like the locale and currency.

const sql = useAdminSql();
const openZero = useZeroClients();
const MESSAGE = (name: string) => `Time zone must be an IANA name such as Europe/Berlin; “${name}” is not one`;

type Result = Awaited<ReturnType<TestZero['mutate']>['server']>;
/** The refusal's code and field issues ({loc, msg}); 'success' when the write went through. */
const outcome = (res: Result) => {
  if (res.type !== 'error') return { code: res.type, issues: [] };
  const details = (res.error as { details?: { code?: string; issues?: { loc: unknown[]; msg: string }[] } }).details;
  return { code: details?.code, issues: (details?.issues ?? []).map(({ loc, msg }) => ({ loc, msg })) };
};
const setZone = async (zero: TestZero, timeZone: string) =>
  outcome(await zero.mutate(mutators.organization.updateFormats({ timeZone })).server);
const zoneOf = async (orgID: string) =>
  (await sql<{ time_zone: string }[]>`SELECT time_zone FROM organization WHERE id = ${orgID}`)[0]?.time_zone;
const audited = (orgID: string) => sql<{ actor_id: string; before: unknown; after: unknown }[]>`
  SELECT actor_id, before, after FROM audit_log WHERE row_id = ${orgID} AND table_name = 'organization' AND action = 'update'
  ORDER BY id`;

describe('the organization’s time zone', () => {
  test('UTC at first; an admin sets one, every member’s client sees it live, and the audit trail keeps it', async () => {
    const { orgID, admin, viewer } = await team(['admin', 'viewer']);
    const view = watch(openZero(viewer, orgID), queries.organizations.mine());
    const mine = (rows: unknown) => (rows as { id: string; timeZone: string }[]).find((o) => o.id === orgID);
    await view.until((rows) => mine(rows)?.timeZone === 'UTC');

    // Spelled as Intl spells it, whatever the case it was sent in.
    expect(await setZone(openZero(admin, orgID), 'asia/tokyo')).toEqual({ code: 'success', issues: [] });
    await view.until((rows) => mine(rows)?.timeZone === 'Asia/Tokyo');
    expect(await zoneOf(orgID)).toBe('Asia/Tokyo');
    expect(await audited(orgID)).toEqual([
      {
        actor_id: admin.userID,
        before: { locale: 'en-US', currency: 'USD', time_zone: 'UTC' },
        after: { locale: 'en-US', currency: 'USD', time_zone: 'Asia/Tokyo' },
      },
    ]);
  });

  test('a name Intl does not know, or an offset, is refused with the field message; nothing changes', async () => {
    const { orgID, owner } = await team([]);
    const zero = openZero(owner, orgID);
    expect(await setZone(zero, 'Berlin')).toEqual({
      code: 'VALIDATION_FAILED',
      issues: [{ loc: ['timeZone'], msg: MESSAGE('Berlin') }],
    });
    expect(await setZone(zero, '+01:00')).toEqual({
      code: 'VALIDATION_FAILED',
      issues: [{ loc: ['timeZone'], msg: MESSAGE('+01:00') }],
    });
    expect(await zoneOf(orgID)).toBe('UTC');
    expect(await audited(orgID)).toEqual([]);
    // The column keeps the shape whatever writes it.
    await expect(sql`UPDATE organization SET time_zone = '+01:00' WHERE id = ${orgID}`).rejects.toThrow(
      /organization_time_zone_check/,
    );
  });

  test('managers, operators and viewers are refused', async () => {
    const { orgID, manager, operator, viewer } = await team(['manager', 'operator', 'viewer']);
    for (const person of [manager, operator, viewer]) {
      expect(await setZone(openZero(person, orgID), 'Europe/Berlin')).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await zoneOf(orgID)).toBe('UTC');
    expect(await audited(orgID)).toEqual([]);
  });

  test('it changes only the working organization: never another one the caller is in, nor one they are not in', async () => {
    // Pat owns B and is an admin of A; Ola owns C and is not in A.
    const { orgID: orgA, owner: aOwner } = await team([]);
    const pat = await signUp('Pat');
    const orgB = await createOrg(pat, 'Zone B');
    await addMember(aOwner, orgA, pat, 'admin');
    const { orgID: orgC, owner: ola } = await team([]);

    expect(await setZone(openZero(pat, orgB), 'America/Chicago')).toEqual({ code: 'success', issues: [] });
    expect(await zoneOf(orgB)).toBe('America/Chicago');
    expect(await zoneOf(orgA)).toBe('UTC');
    // Working in A, the same person changes A and leaves B as it is.
    expect(await setZone(openZero(pat, orgA), 'Europe/Lisbon')).toEqual({ code: 'success', issues: [] });
    expect([await zoneOf(orgA), await zoneOf(orgB)]).toEqual(['Europe/Lisbon', 'America/Chicago']);

    // Ola names A as the working organization: not a member, so "not found", and A keeps its zone.
    expect(await setZone(openZero(ola, orgA), 'Asia/Tokyo')).toMatchObject({ code: 'NOT_FOUND' });
    expect([await zoneOf(orgA), await zoneOf(orgC)]).toEqual(['Europe/Lisbon', 'UTC']);
    expect((await audited(orgA)).map((a) => a.actor_id)).toEqual([pat.userID]);
  });
});
