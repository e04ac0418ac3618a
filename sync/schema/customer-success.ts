import { enumeration, number, string, table } from '@rocicorp/zero';
import type { AccountStatus } from '../../shared/customer-success/account-fields.ts';
import { kpi } from './kpi-tracker.ts';
import { authorship, type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

/**
 * The customer-success pack's tables: the organization's accounts, each
 * looked after by a member (its owner, the CSM). In Postgres the table is
 * cs_account ("account" is better-auth's credentials table). KPIs point at their account
 * (kpi.account_id); the relationship lives here, with the table it reaches.
 */
const account = table('account')
  .from('cs_account')
  .columns({
    ...tenantKey,
    name: string(),
    annualRevenue: number().from('annual_revenue').optional(),
    status: enumeration<AccountStatus>(),
    industry: string().optional(),
    region: string().optional(),
    ownerID: string().from('owner_id').optional(),
    ...authorship,
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const accountRelationships = tenantRelationships(account, ({ many, one }) => ({
  owner: one({ sourceField: ['ownerID'], destSchema: user, destField: ['id'] }),
  kpis: many({ sourceField: ['id'], destSchema: kpi, destField: ['accountID'] }),
}));

export { account };

export const customerSuccessTables = [account] as const;
export const customerSuccessRelationships = [accountRelationships] as const;

export const customerSuccessScopes = {
  account: { resource: 'account', noun: 'Account' },
} as const satisfies Record<string, TenantScope>;
