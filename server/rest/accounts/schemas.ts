import { z } from '@hono/zod-openapi';
import { ACCOUNT_NAME_MAX, ACCOUNT_STATUSES, ACCOUNT_TEXT_MAX } from '../../../shared/customer-success/account-fields.ts';
import { VALUE_LIMIT } from '../../../shared/numbers.ts';
import type { Account } from '../../../sync/schema.ts';
import { restFields } from '../issues.ts';
import { definedOnly, iso } from '../json.ts';

/**
 * Account JSON and request shapes. Request schemas check shape only; the
 * rules (lengths, the revenue bound, the owner a member) are
 * shared/customer-success/account-fields.ts', applied by the account mutators,
 * and documented here with the same limits.
 */

/** The account mutators' fields under their REST names, for the refusals they send back. */
export const accountRestFields = restFields({ ownerID: 'ownerId' });

const text = (label: string) => z.string({ error: `${label} must be text` });

export const AccountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    annualRevenue: z.number().nullable().openapi({ description: 'In the organization’s currency; null when unknown' }),
    status: z.enum(ACCOUNT_STATUSES).openapi({ description: '"inactive" is the soft delete' }),
    industry: z.string().nullable(),
    region: z.string().nullable(),
    ownerId: z.string().nullable().openapi({ description: 'The member who looks after the account (the CSM)' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Account');

const accountFields = {
  name: text('Name').openapi({ minLength: 1, maxLength: ACCOUNT_NAME_MAX, example: 'Acme Corp' }),
  annualRevenue: z
    .number({ error: 'Annual revenue must be a number or null' })
    .nullable()
    .openapi({ minimum: 0, maximum: VALUE_LIMIT, example: 250000 }),
  industry: text('Industry').nullable().openapi({ maxLength: ACCOUNT_TEXT_MAX, example: 'Software' }),
  region: text('Region').nullable().openapi({ maxLength: ACCOUNT_TEXT_MAX, example: 'EMEA' }),
  ownerId: z
    .string({ error: 'Owner must be an id or null' })
    .nullable()
    .openapi({ description: 'A member of the organization; default: the caller' }),
};

export const AccountCreateSchema = z
  .object({
    name: accountFields.name,
    annualRevenue: accountFields.annualRevenue.optional(),
    industry: accountFields.industry.optional(),
    region: accountFields.region.optional(),
    ownerId: accountFields.ownerId.optional(),
  })
  .openapi('AccountCreate');

export const AccountUpdateSchema = z
  .object(accountFields)
  .partial()
  .extend({
    status: z
      .enum(ACCOUNT_STATUSES, { error: 'Status must be "active" or "inactive"' })
      .optional()
      .openapi({ description: '"inactive" deactivates the account; "active" reactivates it' }),
  })
  .openapi('AccountUpdate');

export const AccountListQuery = z.object({
  status: z
    .enum([...ACCOUNT_STATUSES, 'all'], { error: 'Status must be "active", "inactive" or "all"' })
    .default('active')
    .openapi({ param: { name: 'status', in: 'query' } }),
  q: z
    .string()
    .max(ACCOUNT_NAME_MAX)
    .optional()
    .openapi({ param: { name: 'q', in: 'query' }, description: 'Case-insensitive search in the name' }),
  industry: z
    .string()
    .max(ACCOUNT_TEXT_MAX)
    .optional()
    .openapi({ param: { name: 'industry', in: 'query' }, example: 'Software' }),
  region: z
    .string()
    .max(ACCOUNT_TEXT_MAX)
    .optional()
    .openapi({ param: { name: 'region', in: 'query' }, example: 'EMEA' }),
});

/** REST fields to the account mutators' arguments; absent fields stay absent. */
export function accountArgs(body: z.infer<typeof AccountUpdateSchema>) {
  const { ownerId, status: _status, ...same } = body;
  return definedOnly({ ...same, ownerID: ownerId });
}

export function accountJson(a: Account): z.infer<typeof AccountSchema> {
  return {
    id: a.id,
    name: a.name,
    annualRevenue: a.annualRevenue ?? null,
    status: a.status,
    industry: a.industry ?? null,
    region: a.region ?? null,
    ownerId: a.ownerID ?? null,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
}
