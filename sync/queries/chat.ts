import { defineQuery, type Query } from '@rocicorp/zero';
import { idSchema as id } from '../../shared/validation.ts';
import type { ZeroContext } from '../context.ts';
import '../context.ts';
import type { Schema } from '../schema.ts';
import { callerID, scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

type Caller = Pick<ZeroContext, 'userID'> | undefined;

/** Shared threads, or the caller's own private ones: the author's rule, on top of the tenant filter. */
const sharedOrOwn = <Q extends Query<'chatThread', Schema>>(q: Q, ctx: Caller): Q =>
  q.where(({ or, cmp }) => or(cmp('shared', true), cmp('createdBy', callerID(ctx)))) as Q;

/** The threads of `orgID` the caller may read. */
export const visibleThreads = (orgID: string, ctx: Caller) => sharedOrOwn(scoped('chatThread', orgID, ctx), ctx);

const threadArgs = org.extend({ threadID: id });

/** Chat's synced queries. */
export const chatQueries = {
  chat: {
    /** Shared threads and the caller's private ones, the latest active first. */
    threads: defineQuery(org, ({ args, ctx }) =>
      visibleThreads(args.orgID, ctx)
        .related('creator', (u) => u.one())
        .orderBy('updatedAt', 'desc')
        .orderBy('id', 'asc'),
    ),
    /** One thread with its messages in order (an answer being written grows in place). */
    thread: defineQuery(threadArgs, ({ args, ctx }) =>
      visibleThreads(args.orgID, ctx)
        .where('id', args.threadID)
        .related('messages', (m) =>
          m
            .orderBy('createdAt', 'asc')
            .orderBy('id', 'asc')
            .related('author', (u) => u.one()),
        )
        .one(),
    ),
    /** The record of the model's tool calls, newest first (admins). */
    toolCalls: defineQuery(org, ({ args, ctx }) =>
      scoped('chatToolCall', args.orgID, ctx)
        .related('actor', (u) => u.one())
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'asc')
        .limit(500),
    ),
  },
};
