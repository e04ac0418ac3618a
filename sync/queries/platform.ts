import { defineQuery } from '@rocicorp/zero';
import '../context.ts';
import { membersOf, organizationsOf, scoped } from '../tenant.ts';
import { orgArgs } from './args.ts';

/** The platform's synced queries: the caller's organizations, their members, API keys. */
export const platformQueries = {
  organizations: {
    mine: defineQuery(({ ctx }) =>
      organizationsOf(ctx)
        .related('members', (m) => m.where('userID', ctx?.userID ?? '').one())
        .orderBy('name', 'asc'),
    ),
  },
  members: {
    list: defineQuery(orgArgs, ({ args, ctx }) =>
      membersOf(args.orgID, ctx)
        .related('user', (u) => u.one())
        .orderBy('createdAt', 'asc'),
    ),
  },
  apiKeys: {
    list: defineQuery(orgArgs, ({ args, ctx }) =>
      scoped('apiKey', args.orgID, ctx)
        .related('creator', (c) => c.one())
        .orderBy('createdAt', 'desc'),
    ),
  },
};
