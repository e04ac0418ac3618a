import { createBuilder, createSchema, number, type Row, relationships, string, table } from '@rocicorp/zero';

/**
 * The Zero schema: the client-visible subset of the Postgres tables (see the
 * publication in db/migrations). tests/integration/schema-drift.test.ts fails
 * when this and Postgres disagree.
 */
const organization = table('organization')
  .columns({
    id: string(),
    name: string(),
    slug: string(),
    logo: string().optional(),
    createdAt: number(),
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

const kpi = table('kpi')
  .columns({
    id: string(),
    organizationID: string().from('organization_id'),
    name: string(),
    unit: string(),
    target: number(),
    currentValue: number().from('current_value').optional(),
    currentAt: number().from('current_at').optional(),
    createdBy: string().from('created_by').optional(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
    archivedAt: number().from('archived_at').optional(),
  })
  .primaryKey('id');

const dataPoint = table('dataPoint')
  .from('data_point')
  .columns({
    id: string(),
    organizationID: string().from('organization_id'),
    kpiID: string().from('kpi_id'),
    value: number(),
    recordedAt: number().from('recorded_at'),
    createdBy: string().from('created_by').optional(),
    createdAt: number().from('created_at'),
  })
  .primaryKey('id');

// Every tenant table reaches the organization's members in one hop, which is
// what the tenant filter in sync/tenant.ts walks.
const organizationRelationships = relationships(organization, ({ many }) => ({
  members: many({ sourceField: ['id'], destSchema: member, destField: ['organizationID'] }),
}));
const memberRelationships = relationships(member, ({ one }) => ({
  user: one({ sourceField: ['userID'], destSchema: user, destField: ['id'] }),
  organization: one({ sourceField: ['organizationID'], destSchema: organization, destField: ['id'] }),
}));
const kpiRelationships = relationships(kpi, ({ many }) => ({
  members: many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
  dataPoints: many({ sourceField: ['id'], destSchema: dataPoint, destField: ['kpiID'] }),
}));
const dataPointRelationships = relationships(dataPoint, ({ one, many }) => ({
  members: many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
  author: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
}));

export const schema = createSchema({
  tables: [organization, member, user, kpi, dataPoint],
  relationships: [organizationRelationships, memberRelationships, kpiRelationships, dataPointRelationships],
  enableLegacyQueries: false,
  enableLegacyMutators: false,
});

export type Schema = typeof schema;
export const zql = createBuilder(schema);

export type Organization = Row<typeof schema.tables.organization>;
export type Member = Row<typeof schema.tables.member>;
export type User = Row<typeof schema.tables.user>;
export type Kpi = Row<typeof schema.tables.kpi>;
export type DataPoint = Row<typeof schema.tables.dataPoint>;
