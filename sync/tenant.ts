import { zql } from './schema.ts';

/**
 * The one tenant filter every user-triggered read goes through: rows of the
 * chosen organization, and only if the caller is a member of it. A caller who
 * is not a member gets an empty result, never an error that would reveal the
 * organization exists.
 */
const NOBODY = '\u0000nobody';

export function kpisOf(orgID: string, userID: string | undefined) {
  return zql.kpi.where('organizationID', orgID).whereExists('members', (m) => m.where('userID', userID ?? NOBODY));
}

export function dataPointsOf(orgID: string, userID: string | undefined) {
  return zql.dataPoint.where('organizationID', orgID).whereExists('members', (m) => m.where('userID', userID ?? NOBODY));
}

export function membersOf(orgID: string, userID: string | undefined) {
  return zql.member
    .where('organizationID', orgID)
    .whereExists('organization', (o) => o.whereExists('members', (m) => m.where('userID', userID ?? NOBODY)));
}

export function organizationsOf(userID: string | undefined) {
  return zql.organization.whereExists('members', (m) => m.where('userID', userID ?? NOBODY));
}

/** The caller's own membership row in an organization (role lookups). */
export function membershipOf(orgID: string, userID: string | undefined) {
  return zql.member
    .where('organizationID', orgID)
    .where('userID', userID ?? NOBODY)
    .one();
}
