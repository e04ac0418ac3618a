import { defineQuery } from '@rocicorp/zero';
import '../context.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

/** The customer-success pack's playbook queries. */
export const playbookQueries = {
  playbooks: {
    /** The organization's stored triggers (a playbook without a row has its defaults). */
    triggers: defineQuery(org, ({ args, ctx }) => scoped('playbookTrigger', args.orgID, ctx).orderBy('playbookID', 'asc')),
  },
};
