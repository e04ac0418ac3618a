import { defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import '../context.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

/** How many recent sends the send log lists. */
export const RECENT_SENDS = 50;

/** Report e-mail, live: the schedules (managers and up) and the send log (admins). */
export const reportEmailQueries = {
  reportSchedules: {
    /** The organization's schedules, newest first. */
    list: defineQuery(org, ({ args, ctx }) =>
      scoped('reportSchedule', args.orgID, ctx).orderBy('createdAt', 'desc').orderBy('id', 'asc'),
    ),
  },
  reportSends: {
    /** The latest sends, newest first, with who asked for each. */
    recent: defineQuery(org.extend({ limit: z.number().int().min(1).max(200).optional() }), ({ args, ctx }) =>
      scoped('reportSend', args.orgID, ctx)
        .related('requester', (r) => r.one())
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(args.limit ?? RECENT_SENDS),
    ),
  },
};
