import type { PullRow, Query, ServerTransaction, Transaction } from '@rocicorp/zero';
import { can, rolesThat } from '../shared/roles.ts';
import type { ZeroContext } from './context.ts';
import { mutatorError } from './mutator-error.ts';
import { type Schema, type TenantScope, type TenantTable, tenantScopes, zql } from './schema.ts';

/**
 * An id no row has (Postgres text cannot even hold NUL). Filtering on it
 * matches nothing: a refusal looks exactly like an empty organization.
 */
const NOBODY = '\u0000nobody';
const me = (ctx: Caller) => ctx?.userID ?? NOBODY;
/** The caller's user id for filters, or an id no row has. */
export const callerID = me;

type Caller = Pick<ZeroContext, 'userID' | 'roleLimit'> | undefined;

/** Every tenant table has organizationID and `members`; the layout table also has userID. */
type AnyTenantQuery = typeof zql.dashboardLayout;

/**
 * The one tenant filter every user-triggered read goes through (the synced
 * queries, REST, the mutators' reads): rows of `table` in `orgID`, and only
 * while the caller is a member of it whose role may read the table's
 * resource in the permission matrix. Tables each person keeps for themselves
 * (sync/schema/<pack>.ts says which) give only the caller's rows.
 *
 * Membership is a join through the members table, not a fact looked up once
 * per request, because zero-cache keeps a synced query's transform for
 * minutes: a join follows a removal, a role change or a new member at once
 * (tests/integration/organizations.test.ts, "membership and live sync").
 * The client runs the same query over what it synced, so both agree.
 * A caller without the right gets an empty result, never an error that would
 * reveal the organization exists.
 */
export function scoped<T extends TenantTable>(table: T, orgID: string, ctx: Caller): Query<T, Schema> {
  const { resource, perUser }: TenantScope = tenantScopes[table];
  // An API key reads with at most its own role; reading is granted from some role up, so that is one check.
  const allowed = !ctx?.roleLimit || can(ctx.roleLimit, resource, 'read');
  // Zero's builder cannot type a filter on a generic table; every tenant table has these columns.
  let query = (zql[table] as unknown as AnyTenantQuery)
    .where('organizationID', allowed ? orgID : NOBODY)
    .whereExists('members', (m) => m.where('userID', me(ctx)).where('role', 'IN', rolesThat(resource, 'read')));
  if (perUser) query = query.where('userID', me(ctx));
  return query as unknown as Query<T, Schema>;
}

/** A query of `table` with related rows added (`.related(...)`), giving rows of type R. */
export type Shape<T extends TenantTable, R> = (query: Query<T, Schema>) => Query<T, Schema, R>;

/** What findOwned gives: the row on the server (or a refusal), maybe nothing yet on the client. */
type Found<X extends Transaction, R> = X extends ServerTransaction ? R : R | undefined;

/** Whether a name (a widget option's reference, say) is a tenant table's. */
export const isTenantTable = (name: string): name is TenantTable => Object.hasOwn(tenantScopes, name);

/** One row of the organization by id, or undefined: findOwned without the refusal, for checks that name a field. */
export async function lookupOwned<T extends TenantTable, R = PullRow<T, Schema>>(
  tx: Transaction,
  table: T,
  orgID: string,
  id: string,
  shape?: Shape<T, R>,
): Promise<R | undefined> {
  const owned = (zql[table] as unknown as AnyTenantQuery).where('organizationID', orgID).where('id', id);
  const query = shape ? shape(owned as unknown as Query<T, Schema>) : owned;
  return (await tx.run((query as AnyTenantQuery).one())) as R | undefined;
}

/**
 * One row of the caller's organization by id, for the mutators and REST,
 * optionally shaped (related rows). On the server a missing row and another
 * organization's row get the same NOT_FOUND ("KPI not found."), so nothing
 * tells them apart; on the client (optimistic runs) a row not synced yet is
 * undefined, and the server decides.
 */
export async function findOwned<X extends Transaction, T extends TenantTable, R = PullRow<T, Schema>>(
  tx: X,
  table: T,
  orgID: string,
  id: string,
  shape?: Shape<T, R>,
): Promise<Found<X, R>> {
  const row = await lookupOwned(tx, table, orgID, id, shape);
  if (row === undefined && tx.location === 'server') throw mutatorError('NOT_FOUND', `${tenantScopes[table].noun} not found.`);
  return row as Found<X, R>;
}

/** The organization's members, while the caller is one of them. */
export const membersOf = (orgID: string, ctx: Caller) =>
  zql.member
    .where('organizationID', orgID)
    .whereExists('organization', (o) =>
      o.whereExists('members', (m) => m.where('userID', me(ctx)).where('role', 'IN', rolesThat('member', 'read'))),
    );

/** The organizations the caller belongs to. */
export const organizationsOf = (ctx: Caller) =>
  zql.organization.whereExists('members', (m) =>
    m.where('userID', me(ctx)).where('role', 'IN', rolesThat('organization', 'read')),
  );

/** A person's own membership row in an organization (role lookups). */
export const membershipOf = (orgID: string, userID: string | undefined) =>
  zql.member
    .where('organizationID', orgID)
    .where('userID', userID ?? NOBODY)
    .one();
