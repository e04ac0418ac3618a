import { zql } from './schema.ts';

/**
 * The one tenant filter every user-triggered read goes through: rows of the
 * chosen organization, and only if the caller is a member of it. A caller who
 * is not a member gets an empty result, never an error that would reveal the
 * organization exists.
 */
const NOBODY = '\u0000nobody';
const me = (userID: string | undefined) => userID ?? NOBODY;

export const kpisOf = (orgID: string, userID: string | undefined) =>
  zql.kpi.where('organizationID', orgID).whereExists('members', (m) => m.where('userID', me(userID)));

export const dataPointsOf = (orgID: string, userID: string | undefined) =>
  zql.dataPoint.where('organizationID', orgID).whereExists('members', (m) => m.where('userID', me(userID)));

export const goalsOf = (orgID: string, userID: string | undefined) =>
  zql.goal.where('organizationID', orgID).whereExists('members', (m) => m.where('userID', me(userID)));

export const insightsOf = (orgID: string, userID: string | undefined) =>
  zql.insight.where('organizationID', orgID).whereExists('members', (m) => m.where('userID', me(userID)));

export const kpiOptionsOf = (orgID: string, userID: string | undefined) =>
  zql.kpiOption.where('organizationID', orgID).whereExists('members', (m) => m.where('userID', me(userID)));

/** API keys are for the organization's owners and admins only. */
export const apiKeysOf = (orgID: string, userID: string | undefined) =>
  zql.apiKey
    .where('organizationID', orgID)
    .whereExists('members', (m) => m.where('userID', me(userID)).where('role', 'IN', ['owner', 'admin']));

/** A person's own dashboard arrangement; nobody else's. */
export const layoutOf = (orgID: string, userID: string | undefined) =>
  zql.dashboardLayout
    .where('organizationID', orgID)
    .where('userID', me(userID))
    .whereExists('members', (m) => m.where('userID', me(userID)))
    .one();

export const membersOf = (orgID: string, userID: string | undefined) =>
  zql.member
    .where('organizationID', orgID)
    .whereExists('organization', (o) => o.whereExists('members', (m) => m.where('userID', me(userID))));

export const organizationsOf = (userID: string | undefined) =>
  zql.organization.whereExists('members', (m) => m.where('userID', me(userID)));

/** The caller's own membership row in an organization (role lookups). */
export const membershipOf = (orgID: string, userID: string | undefined) =>
  zql.member.where('organizationID', orgID).where('userID', me(userID)).one();
