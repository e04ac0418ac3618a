import { addAccountHealthRoutes } from '../account-health/routes.ts';
import { archivableRoutes } from '../archivable-routes.ts';
import type { RestDeps } from '../context.ts';
import { withRestFields } from '../issues.ts';
import { containing } from '../json.ts';
import {
  AccountCreateSchema,
  AccountListQuery,
  AccountSchema,
  AccountUpdateSchema,
  accountArgs,
  accountJson,
  accountRestFields,
} from './schemas.ts';

/** /api/accounts: the organization's customer accounts; "inactive" is their soft delete. */
export function accountRoutes(platform: RestDeps) {
  const app = archivableRoutes(withRestFields(platform, accountRestFields), {
    table: 'account',
    resource: 'account',
    softDelete: { action: 'deactivate', archived: (a) => a.status === 'inactive' },
    tags: ['Accounts'],
    schemas: { row: AccountSchema, list: AccountListQuery, create: AccountCreateSchema, update: AccountUpdateSchema },
    json: accountJson,
    mutators: (m) => ({
      create: m.account.create,
      update: m.account.update,
      archive: m.account.deactivate,
      restore: m.account.activate,
    }),
    list: {
      summary: 'List accounts',
      description: 'The organization’s accounts, by name. Active ones unless `status` says otherwise.',
      returns: 'The accounts',
      rows: (accounts, { status, q, industry, region }) => {
        let query = accounts;
        if (status !== 'all') query = query.where('status', status);
        if (q) query = query.where('name', 'ILIKE', containing(q));
        if (industry) query = query.where('industry', industry);
        if (region) query = query.where('region', region);
        return query.orderBy('name', 'asc').orderBy('id', 'asc');
      },
    },
    create: {
      summary: 'Create an account',
      description: 'Managers and above. `name` is required; the owner (the CSM) defaults to the caller.',
      returns: 'The new account',
      args: (body, id) => ({ ...accountArgs(body), id, name: body.name }),
    },
    get: { summary: 'Get an account', returns: 'The account, active or inactive' },
    edit: {
      summary: 'Edit an account',
      description:
        'Managers and above. Send only the fields to change. `"status": "inactive"` deactivates the account; `"status": "active"` reactivates it.',
      returns: 'The account as it now is',
      patch: accountArgs,
      archive: (body) => (body.status === undefined ? undefined : body.status === 'inactive'),
    },
    archive: {
      summary: 'Deactivate an account',
      description:
        'Managers and above. A soft delete: the account and its KPIs stay, and `PUT {"status": "active"}` reactivates it.',
      returns: 'The inactive account',
    },
  });
  // GET /{id}/health and /{id}/health/trend (live health).
  addAccountHealthRoutes(app, platform);
  return app;
}
