import { defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import { ACCOUNT_STATUSES } from '../../shared/customer-success/account-fields.ts';
import { idSchema as id } from '../../shared/validation.ts';
import '../context.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

/** Customer success's synced queries. */
export const customerSuccessQueries = {
  accounts: {
    /** The organization's accounts by name, all or those with one status. */
    list: defineQuery(org.extend({ status: z.enum(ACCOUNT_STATUSES).optional() }), ({ args, ctx }) => {
      const all = scoped('account', args.orgID, ctx);
      return (args.status ? all.where('status', args.status) : all).orderBy('name', 'asc').orderBy('id', 'asc');
    }),
    /** One account with its owner (the CSM) and its active KPIs. */
    byId: defineQuery(org.extend({ accountID: id }), ({ args, ctx }) =>
      scoped('account', args.orgID, ctx)
        .where('id', args.accountID)
        .related('owner', (o) => o.one())
        .related('kpis', (k) => k.where('archivedAt', 'IS', null).orderBy('name', 'asc'))
        .one(),
    ),
  },
};
