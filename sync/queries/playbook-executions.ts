import { defineQuery } from '@rocicorp/zero';
import { idSchema as id } from '../../shared/validation.ts';
import '../context.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

/** The playbooks at work: the organization's copies, executions with their steps, notes, editors and reports. */
export const playbookExecutionQueries = {
  playbookCopies: {
    /** The organization's own copies of the built-in playbooks. */
    list: defineQuery(org, ({ args, ctx }) =>
      scoped('playbookCopy', args.orgID, ctx).orderBy('name', 'asc').orderBy('id', 'asc'),
    ),
  },
  playbookExecutions: {
    /** Every open execution, newest first, with its account and steps (for progress). */
    open: defineQuery(org, ({ args, ctx }) =>
      scoped('playbookExecution', args.orgID, ctx)
        .where('status', 'active')
        .related('account', (a) => a.one())
        .related('steps', (s) => s.orderBy('position', 'asc'))
        .orderBy('startedAt', 'desc')
        .orderBy('id', 'asc'),
    ),
    /** An account's executions, newest first, with their steps. */
    forAccount: defineQuery(org.extend({ accountID: id }), ({ args, ctx }) =>
      scoped('playbookExecution', args.orgID, ctx)
        .where('accountID', args.accountID)
        .related('steps', (s) => s.orderBy('position', 'asc'))
        .orderBy('startedAt', 'desc')
        .orderBy('id', 'asc'),
    ),
    /** One execution with everything its page shows. */
    byId: defineQuery(org.extend({ executionID: id }), ({ args, ctx }) =>
      scoped('playbookExecution', args.orgID, ctx)
        .where('id', args.executionID)
        .related('account', (a) => a.one())
        .related('starter', (u) => u.one())
        .related('steps', (s) => s.orderBy('position', 'asc').related('assignee', (u) => u.one()))
        .related('notes', (n) =>
          n
            .orderBy('createdAt', 'asc')
            .orderBy('id', 'asc')
            .related('author', (u) => u.one()),
        )
        .related('editing', (e) => e.related('user', (u) => u.one()))
        .related('report', (r) => r.one())
        .one(),
    ),
  },
};
