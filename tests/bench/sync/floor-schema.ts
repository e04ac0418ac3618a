import {
  createBuilder,
  createSchema,
  defineMutatorsWithType,
  defineMutatorWithType,
  defineQueriesWithType,
  defineQueryWithType,
  number,
  relationships,
  string,
  table,
} from '@rocicorp/zero';
import { z } from 'zod';

/**
 * The floor: raw Zero with a trivial schema. One table of values, and a
 * membership table used only by the "floor-join" variant, which adds the
 * same whereExists membership filter the product's tenant queries carry.
 */
const item = table('item').columns({ id: string(), org: string(), value: number() }).primaryKey('id');
const member = table('member')
  .columns({ id: string(), org: string(), userID: string().from('user_id') })
  .primaryKey('id');
const itemRelationships = relationships(item, ({ many }) => ({
  members: many({ sourceField: ['org'], destSchema: member, destField: ['org'] }),
}));

export const floorSchema = createSchema({ tables: [item, member], relationships: [itemRelationships] });
export type FloorSchema = typeof floorSchema;
export interface FloorContext {
  userID: string;
}

const zql = createBuilder(floorSchema);
const defineQuery = defineQueryWithType<FloorSchema, FloorContext>();
const defineMutator = defineMutatorWithType<FloorSchema, FloorContext>();
const byOrg = z.object({ org: z.string() });

export const floorQueries = defineQueriesWithType<FloorSchema>()({
  items: {
    /** All rows of one org: no membership check. */
    byOrg: defineQuery(byOrg, ({ args }) => zql.item.where('org', args.org)),
    /** The same rows, only for members of the org (the product's tenant filter). */
    joined: defineQuery(byOrg, ({ args, ctx }) =>
      zql.item.where('org', args.org).whereExists('members', (m) => m.where('userID', ctx.userID)),
    ),
  },
});

export const floorMutators = defineMutatorsWithType<FloorSchema>()({
  item: {
    /** Only writes: no reads, no checks. */
    set: defineMutator(z.object({ id: z.string(), org: z.string(), value: z.number() }), async ({ tx, args }) => {
      await tx.mutate.item.upsert(args);
    }),
  },
});

export type FloorQueryName = keyof typeof floorQueries.items;
