import {
  enumeration,
  number,
  relationships,
  string,
  type TableBuilderWithColumns,
  type TableSchema,
  table,
} from '@rocicorp/zero';
import type { Resource } from '../../shared/roles.ts';

/**
 * The platform's tables: organizations (the tenants), their members, the
 * people, and the organization's API keys. Every pack builds on these.
 */
const organization = table('organization')
  .columns({
    id: string(),
    name: string(),
    slug: string(),
    logo: string().optional(),
    createdAt: number(),
    /** How the organization writes numbers, money and dates (shared/locale.ts); admins change them. */
    locale: string(),
    currency: string(),
    /** The IANA zone its calendar days are read in ("today" on the line dashboard); admins change it too. */
    timeZone: string().from('time_zone'),
  })
  .primaryKey('id');

const member = table('member')
  .columns({
    id: string(),
    organizationID: string().from('organizationId'),
    userID: string().from('userId'),
    role: string(),
    createdAt: number(),
  })
  .primaryKey('id');

const user = table('user')
  .columns({
    id: string(),
    name: string(),
    image: string().optional(),
  })
  .primaryKey('id');

/**
 * Columns tenant tables share, spread into each table so every pack names
 * them alike: the key every tenant row starts with, who created the row and
 * when, and the edit and soft-delete times of rows people edit and archive.
 */
export const tenantKey = { id: string(), organizationID: string().from('organization_id') };
export const authorship = { createdBy: string().from('created_by').optional(), createdAt: number().from('created_at') };
export const editTimes = { updatedAt: number().from('updated_at'), archivedAt: number().from('archived_at').optional() };

/** The states of a background run that a server job advances on its row (a re-score, a KPI recompute). */
export type JobRunStatus = 'queued' | 'running' | 'done' | 'failed';
/** Such a run's status, error, who asked and when, and when it started, finished and last moved. */
export const jobRunColumns = {
  status: enumeration<JobRunStatus>(),
  error: string().optional(),
  requestedBy: string().from('requested_by').optional(),
  requestedAt: number().from('requested_at'),
  startedAt: number().from('started_at').optional(),
  finishedAt: number().from('finished_at').optional(),
  updatedAt: number().from('updated_at'),
};

const apiKey = table('apiKey')
  .from('api_key')
  .columns({
    ...tenantKey,
    name: string(),
    prefix: string(),
    role: string(),
    ...authorship,
    lastUsedAt: number().from('last_used_at').optional(),
    revokedAt: number().from('revoked_at').optional(),
  })
  .primaryKey('id');

const organizationRelationships = relationships(organization, ({ many }) => ({
  members: many({ sourceField: ['id'], destSchema: member, destField: ['organizationID'] }),
}));
const memberRelationships = relationships(member, ({ one }) => ({
  user: one({ sourceField: ['userID'], destSchema: user, destField: ['id'] }),
  organization: one({ sourceField: ['organizationID'], destSchema: organization, destField: ['id'] }),
}));

type RelationshipMap = ReturnType<typeof relationships>['relationships'];
type Connects<T extends TableSchema> = Parameters<Parameters<typeof relationships<T, RelationshipMap>>[1]>[0];
/** A table with the column every tenant table has. */
type TenantTableSchema = TableSchema & { columns: { organizationID: unknown } };

/**
 * A tenant table's relationships: the ones `build` gives, plus `members`,
 * its organization's members, which the one tenant filter (sync/tenant.ts)
 * joins through. Written once here instead of in every table's relationships.
 */
export function tenantRelationships<T extends TenantTableSchema, R extends RelationshipMap = Record<never, never>>(
  table: TableBuilderWithColumns<T>,
  build?: (connects: Connects<T>) => R,
) {
  return relationships(table, (connects) => ({
    ...(build?.(connects) as R),
    members: connects.many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
  }));
}

const apiKeyRelationships = tenantRelationships(apiKey, ({ one }) => ({
  creator: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
}));

export { member, organization, user };

export const platformTables = [organization, member, user, apiKey] as const;
export const platformRelationships = [organizationRelationships, memberRelationships, apiKeyRelationships] as const;

/**
 * How a tenant table (one with an organizationID column) is scoped for reads
 * (sync/tenant.ts): the permission-matrix resource whose 'read' the caller's
 * role needs, the noun of its "not found", and whether each person sees only
 * their own rows (a userID column).
 */
export interface TenantScope {
  resource: Resource;
  noun: string;
  perUser?: true;
}

export const platformScopes = {
  apiKey: { resource: 'apiKey', noun: 'API key' },
} as const satisfies Record<string, TenantScope>;
