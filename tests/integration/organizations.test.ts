import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ROLES } from '../../shared/roles.ts';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import type { Kpi } from '../../sync/schema.ts';
import { useAdminSql } from '../helpers/db.ts';
import { type ApiResult, addMember, api, createOrg, type Person, signUp, team } from '../helpers/people.ts';
import { createKpiThroughZero, syncedPastNow, useZeroClients, watch } from '../helpers/zero-client.ts';

const sql = useAdminSql();
const openZero = useZeroClients();

type MemberRow = { id: string; userId: string; role: string };

async function membersOf(orgID: string): Promise<MemberRow[]> {
  return sql<MemberRow[]>`SELECT id, "userId", role FROM member WHERE "organizationId" = ${orgID} ORDER BY "createdAt", id`;
}

async function memberID(orgID: string, who: Person): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    SELECT id FROM member WHERE "organizationId" = ${orgID} AND "userId" = ${who.userID}`;
  if (!row) throw new Error(`${who.name} is not a member of ${orgID}`);
  return row.id;
}

async function invitationsOf(orgID: string) {
  return sql<{ id: string; email: string; role: string; status: string }[]>`
    SELECT id, email, role, status FROM invitation WHERE "organizationId" = ${orgID} ORDER BY "createdAt", id`;
}

/** Asserts a refusal in the API's error shape and returns better-auth's reason code. */
function refused(res: ApiResult, status: number): string {
  expect(res.status).toBe(status);
  const body = res.body as { error: { code: string; request_id: string; details: { type: string }[] } };
  expect(body.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
  return body.error.details[0]?.type ?? '';
}

/** The cookie header after applying the Set-Cookie lines of `res`. */
function withNewCookies(person: Person, res: ApiResult): Person {
  const jar = new Map(person.cookie.split('; ').map((c) => [c.slice(0, c.indexOf('=')), c] as const));
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    jar.set(pair.slice(0, pair.indexOf('=')), pair);
  }
  return { ...person, cookie: [...jar.values()].join('; ') };
}

const invite = (by: Person, orgID: string, email: string, role: unknown) =>
  api<{ id: string; role: string }>(by, 'POST', '/api/auth/organization/invite-member', { email, role, organizationId: orgID });

describe('organizations and membership', () => {
  test('the creator of an organization becomes its owner', async () => {
    const olivia = await signUp('Olivia');
    const orgID = await createOrg(olivia, 'Olivia Org');
    expect(await membersOf(orgID)).toEqual([{ id: expect.any(String), userId: olivia.userID, role: 'owner' }]);
    const [org] = await sql`SELECT name FROM organization WHERE id = ${orgID}`;
    expect(org).toEqual({ name: 'Olivia Org' });
    const list = await api<{ id: string }[]>(olivia, 'GET', '/api/auth/organization/list');
    expect(list.body.map((o) => o.id)).toEqual([orgID]);
  });

  test('a person in two organizations switches the active one, and get-session shows it', async () => {
    let pat = await signUp('Pat');
    const first = await createOrg(pat);
    const second = await createOrg(pat);
    // Creating an organization makes it the active one.
    const [row] = await sql`SELECT "activeOrganizationId" AS active FROM session WHERE "userId" = ${pat.userID}`;
    expect(row?.active).toBe(second);

    const res = await api<{ id: string }>(pat, 'POST', '/api/auth/organization/set-active', { organizationId: first });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(first);
    pat = withNewCookies(pat, res);
    const session = await api<{ session: { activeOrganizationId: string } }>(pat, 'GET', '/api/auth/get-session');
    expect(session.body.session.activeOrganizationId).toBe(first);
    const [after] = await sql`SELECT "activeOrganizationId" AS active FROM session WHERE "userId" = ${pat.userID}`;
    expect(after?.active).toBe(first);

    // Switching to an organization one does not belong to is refused; better-auth
    // then clears the active organization rather than keep the old one.
    const stranger = await signUp();
    const foreign = await createOrg(stranger);
    const denied = await api(pat, 'POST', '/api/auth/organization/set-active', { organizationId: foreign });
    expect(refused(denied, 403)).toBe('USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION');
    const [still] = await sql`SELECT "activeOrganizationId" AS active FROM session WHERE "userId" = ${pat.userID}`;
    expect(still?.active).toBeNull();
    expect(await membersOf(foreign)).toEqual([{ id: expect.any(String), userId: stranger.userID, role: 'owner' }]);
  });

  test('a new session starts in the most recently joined organization', async () => {
    const owner = await signUp('Founder');
    const first = await createOrg(owner);
    const joiner = await signUp('Joiner');
    await addMember(owner, first, joiner, 'viewer');
    const second = await createOrg(owner);
    const signIn = async (p: Person) => {
      const res = await api(p, 'POST', '/api/auth/sign-in/email', { email: p.email, password: p.password });
      expect(res.status).toBe(200);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return (await api<{ session: { activeOrganizationId: string | null } }>({ ...p, cookie }, 'GET', '/api/auth/get-session'))
        .body.session.activeOrganizationId;
    };
    expect(await signIn(owner)).toBe(second);
    expect(await signIn(joiner)).toBe(first);
    const loner = await signUp('Loner');
    expect(await signIn(loner)).toBeNull();
  });

  test('an invitation with a role, once accepted, makes a member with that role', async () => {
    const { orgID, owner } = await team([]);
    const quinn = await signUp('Quinn');
    const inv = await invite(owner, orgID, quinn.email, 'manager');
    expect(inv.status).toBe(200);
    expect(await invitationsOf(orgID)).toEqual([{ id: inv.body.id, email: quinn.email, role: 'manager', status: 'pending' }]);
    // Not a member until accepted.
    expect((await membersOf(orgID)).map((m) => m.userId)).toEqual([owner.userID]);

    const acc = await api<{ member: { id: string; role: string } }>(quinn, 'POST', '/api/auth/organization/accept-invitation', {
      invitationId: inv.body.id,
    });
    expect(acc.status).toBe(200);
    expect(acc.body.member.role).toBe('manager');
    expect(await membersOf(orgID)).toEqual([
      { id: expect.any(String), userId: owner.userID, role: 'owner' },
      { id: acc.body.member.id, userId: quinn.userID, role: 'manager' },
    ]);
    expect((await invitationsOf(orgID))[0]?.status).toBe('accepted');
  });

  test('each of the five roles can be given; any other role is refused and no invitation is stored', async () => {
    const { orgID, owner } = await team([]);
    for (const role of ROLES) {
      const res = await invite(owner, orgID, `${role}-${randomUUID()}@test.example`, role);
      expect(res.status, role).toBe(200);
      expect(res.body.role).toBe(role);
    }
    expect((await invitationsOf(orgID)).map((i) => i.role)).toEqual([...ROLES]);

    // better-auth refuses names it does not know; its own default "member" role
    // and comma-joined role lists are not ours either (server/auth/auth.ts).
    const unknown: [unknown, string][] = [
      ['superhero', 'BAD_REQUEST'],
      ['OWNER', 'BAD_REQUEST'],
      ['', 'ROLE_NOT_FOUND'],
      ['member', 'ROLE_NOT_FOUND'],
      ['viewer,admin', 'ROLE_NOT_FOUND'],
      [['viewer', 'manager'], 'ROLE_NOT_FOUND'],
    ];
    for (const [role, reason] of unknown) {
      const res = await invite(owner, orgID, `odd-${randomUUID()}@test.example`, role);
      expect(refused(res, 400), JSON.stringify(role)).toBe(reason);
      expect(JSON.stringify(res.body)).toMatch(/"message":"[^"]*role/i);
    }
    expect(await invitationsOf(orgID)).toHaveLength(ROLES.length);
  });

  test('an admin changes a member’s role and removes a member, but cannot hand out or touch ownership', async () => {
    const t = await team(['admin', 'operator', 'viewer']);
    const operatorID = await memberID(t.orgID, t.operator);
    const viewerID = await memberID(t.orgID, t.viewer);
    const ownerID = await memberID(t.orgID, t.owner);

    const up = await api<{ role: string }>(t.admin, 'POST', '/api/auth/organization/update-member-role', {
      memberId: operatorID,
      role: 'manager',
      organizationId: t.orgID,
    });
    expect(up.status).toBe(200);
    expect(up.body.role).toBe('manager');

    const refusedRoles: [string, number, string][] = [
      ['owner', 403, 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER'],
      ['member', 400, 'ROLE_NOT_FOUND'],
      ['bogus', 400, 'ROLE_NOT_FOUND'],
      ['viewer,admin', 400, 'ROLE_NOT_FOUND'],
    ];
    for (const [role, status, reason] of refusedRoles) {
      const res = await api(t.admin, 'POST', '/api/auth/organization/update-member-role', {
        memberId: viewerID,
        role,
        organizationId: t.orgID,
      });
      expect(refused(res, status), role).toBe(reason);
    }
    expect((await membersOf(t.orgID)).find((m) => m.id === viewerID)?.role).toBe('viewer');
    const demoteOwner = await api(t.admin, 'POST', '/api/auth/organization/update-member-role', {
      memberId: ownerID,
      role: 'viewer',
      organizationId: t.orgID,
    });
    expect(refused(demoteOwner, 403)).toBe('YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER');
    const inviteOwner = await invite(t.admin, t.orgID, `boss-${randomUUID()}@test.example`, 'owner');
    expect(refused(inviteOwner, 403)).toBe('YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE');

    const rm = await api(t.admin, 'POST', '/api/auth/organization/remove-member', {
      memberIdOrEmail: viewerID,
      organizationId: t.orgID,
    });
    expect(rm.status).toBe(200);
    expect(await membersOf(t.orgID)).toEqual([
      { id: ownerID, userId: t.owner.userID, role: 'owner' },
      { id: expect.any(String), userId: t.admin.userID, role: 'admin' },
      { id: operatorID, userId: t.operator.userID, role: 'manager' },
    ]);
    expect(await invitationsOf(t.orgID)).toHaveLength(3);
  });

  test('managers, operators and viewers cannot invite, change roles or remove members', async () => {
    const t = await team(['manager', 'operator', 'viewer']);
    const before = await membersOf(t.orgID);
    const invitationsBefore = await invitationsOf(t.orgID);
    const target = await memberID(t.orgID, t.viewer);
    for (const role of ['manager', 'operator', 'viewer'] as const) {
      const who = t[role];
      const inv = await invite(who, t.orgID, `x-${randomUUID()}@test.example`, 'viewer');
      expect(refused(inv, 403), `${role} invites`).toBe('YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION');
      const up = await api(who, 'POST', '/api/auth/organization/update-member-role', {
        memberId: target,
        role: 'admin',
        organizationId: t.orgID,
      });
      expect(refused(up, 403), `${role} changes a role`).toBe('YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER');
      const own = await api(who, 'POST', '/api/auth/organization/update-member-role', {
        memberId: await memberID(t.orgID, who),
        role: 'admin',
        organizationId: t.orgID,
      });
      expect(refused(own, 403), `${role} promotes themself`).toBe('YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER');
      // A wrong role is 403, not 401 ("sign in again").
      const rm = await api(who, 'POST', '/api/auth/organization/remove-member', {
        memberIdOrEmail: target,
        organizationId: t.orgID,
      });
      expect(refused(rm, 403), `${role} removes`).toBe('YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER');
      const list = await api(who, 'GET', `/api/auth/organization/list-invitations?organizationId=${t.orgID}`);
      expect(refused(list, 403), `${role} lists invitations`).toBe('YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS');
    }
    expect(await membersOf(t.orgID)).toEqual(before);
    expect(await invitationsOf(t.orgID)).toEqual(invitationsBefore);
  });

  test('an invitation addressed to someone else cannot be accepted or rejected by you', async () => {
    const { orgID, owner } = await team([]);
    const [rita, sam] = await Promise.all([signUp('Rita'), signUp('Sam')]);
    const inv = await invite(owner, orgID, rita.email, 'admin');
    expect(inv.status).toBe(200);

    const steal = await api(sam, 'POST', '/api/auth/organization/accept-invitation', { invitationId: inv.body.id });
    expect(refused(steal, 403)).toBe('YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION');
    const reject = await api(sam, 'POST', '/api/auth/organization/reject-invitation', { invitationId: inv.body.id });
    expect(refused(reject, 403)).toBe('YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION');
    expect((await membersOf(orgID)).map((m) => m.userId)).toEqual([owner.userID]);
    expect((await invitationsOf(orgID))[0]?.status).toBe('pending');

    // The real recipient still can.
    const ok = await api(rita, 'POST', '/api/auth/organization/accept-invitation', { invitationId: inv.body.id });
    expect(ok.status).toBe(200);
    expect((await membersOf(orgID)).map((m) => [m.userId, m.role])).toEqual([
      [owner.userID, 'owner'],
      [rita.userID, 'admin'],
    ]);
  });

  test('someone outside the organization cannot list its members or invitations, or invite into it', async () => {
    const t = await team(['viewer']);
    const pending = await invite(t.owner, t.orgID, `p-${randomUUID()}@test.example`, 'operator');
    expect(pending.status).toBe(200);
    const outsider = await signUp('Outsider');
    await createOrg(outsider); // an admin elsewhere
    const before = await membersOf(t.orgID);
    const invitationsBefore = await invitationsOf(t.orgID);

    const members = await api(outsider, 'GET', `/api/auth/organization/list-members?organizationId=${t.orgID}`);
    expect(refused(members, 403)).toBe('YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION');
    expect(JSON.stringify(members.body)).not.toContain(t.viewer.email);
    const invitations = await api(outsider, 'GET', `/api/auth/organization/list-invitations?organizationId=${t.orgID}`);
    refused(invitations, 403);
    expect(JSON.stringify(invitations.body)).not.toContain(pending.body.id);
    const full = await api(outsider, 'GET', `/api/auth/organization/get-full-organization?organizationId=${t.orgID}`);
    expect(refused(full, 403)).toBe('USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION');
    const inv = await invite(outsider, t.orgID, outsider.email, 'owner');
    expect(refused(inv, 400)).toBe('MEMBER_NOT_FOUND');

    // An admin of another organization cannot reach this one's members through their own organization either.
    const outsiderOrg = (
      await sql<{ id: string }[]>`
      SELECT "organizationId" AS id FROM member WHERE "userId" = ${outsider.userID}`
    )[0]!.id;
    const viewerID = await memberID(t.orgID, t.viewer);
    const up = await api(outsider, 'POST', '/api/auth/organization/update-member-role', {
      memberId: viewerID,
      role: 'admin',
      organizationId: outsiderOrg,
    });
    expect(refused(up, 403)).toBe('YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER');
    const rm = await api(outsider, 'POST', '/api/auth/organization/remove-member', {
      memberIdOrEmail: viewerID,
      organizationId: outsiderOrg,
    });
    expect(refused(rm, 400)).toBe('MEMBER_NOT_FOUND');

    // The same answers as for an organization that does not exist: nothing reveals that it does.
    const ghost = await api(outsider, 'GET', `/api/auth/organization/list-members?organizationId=${randomUUID()}`);
    expect(ghost.status).toBe(members.status);
    expect((ghost.body as { error: { message: string } }).error.message).toBe(
      (members.body as { error: { message: string } }).error.message,
    );
    expect(await membersOf(t.orgID)).toEqual(before);
    expect(await invitationsOf(t.orgID)).toEqual(invitationsBefore);
  });
});

describe('membership and live sync', () => {
  test('a removed member’s Zero client drops the organization’s rows and never receives new ones', async () => {
    const t = await team(['admin', 'operator']);
    const ownerZero = openZero(t.owner, t.orgID);
    const memberZero = openZero(t.operator, t.orgID);
    const seen = watch<Kpi[]>(memberZero, queries.kpis.list({ orgID: t.orgID }));
    await seen.until((rows) => rows.length === 0);

    const before = await createKpiThroughZero(ownerZero, { name: 'Before removal', unit: '', target: 1 });
    await seen.until((rows) => rows.some((k) => k.id === before));

    const rm = await api(t.admin, 'POST', '/api/auth/organization/remove-member', {
      memberIdOrEmail: await memberID(t.orgID, t.operator),
      organizationId: t.orgID,
    });
    expect(rm.status).toBe(200);
    // The tenant filter joins through membership, so the removal itself empties the view.
    await seen.until((rows) => rows.length === 0);

    const after = await createKpiThroughZero(ownerZero, { name: 'After removal', unit: '', target: 1 });
    const ownerView = watch<Kpi[]>(ownerZero, queries.kpis.list({ orgID: t.orgID }));
    await ownerView.until((rows) => rows.some((k) => k.id === after));
    // Once the removed member's client has synced past that write (a marker in
    // an organization of their own), it has everything it will ever get of it.
    await syncedPastNow(memberZero, t.operator, await createOrg(t.operator));
    expect(seen.current()).toEqual([]);
    const names = seen.history().flatMap((rows) => rows.map((k) => k.name));
    expect(names).not.toContain('After removal');
    expect(new Set(names)).toEqual(new Set(['Before removal']));

    // Asking for one row by id gets nothing either, and writes are refused.
    const one = watch<Kpi | undefined>(memberZero, queries.kpis.byId({ orgID: t.orgID, kpiID: after }));
    await one.until(() => true);
    expect(one.current()).toBeUndefined();
    const write = await memberZero.mutate(mutators.dataPoint.add({ id: randomUUID(), kpiID: before, value: 1 })).server;
    expect(write).toMatchObject({ type: 'error', error: { type: 'app', details: { code: 'NOT_FOUND' } } });
    expect(await sql`SELECT id FROM data_point WHERE kpi_id = ${before}`).toEqual([]);
  });

  test('a member added later starts receiving the organization’s rows', async () => {
    const { orgID, owner } = await team([]);
    const ownerZero = openZero(owner, orgID);
    const kpiID = await createKpiThroughZero(ownerZero, { name: 'Existing', unit: '', target: 5 });
    const late = await signUp('Late');
    const lateZero = openZero(late, orgID);
    const seen = watch<Kpi[]>(lateZero, queries.kpis.list({ orgID }));
    await seen.until((rows) => rows.length === 0);
    await addMember(owner, orgID, late, 'viewer');
    await seen.until((rows) => rows.map((k) => k.id).join() === kpiID);
  });
});
