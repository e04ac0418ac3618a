import { z } from 'zod';
import { boundedNumber } from '../numbers.ts';
import { idSchema } from '../validation.ts';

/** Field rules for accounts, shared by the mutators and the REST API (limits mirrored by 011_cs_accounts.sql). */
export const ACCOUNT_NAME_MAX = 200;
export const ACCOUNT_TEXT_MAX = 100;
export const ACCOUNT_STATUSES = ['active', 'inactive'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Short optional text: trimmed, blank is none (null). */
const optionalText = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(ACCOUNT_TEXT_MAX, `${label} must be at most ${ACCOUNT_TEXT_MAX} characters`)
    .transform((s) => (s === '' ? null : s))
    .nullable();

export const accountFields = {
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required')
    .max(ACCOUNT_NAME_MAX, `Name must be at most ${ACCOUNT_NAME_MAX} characters`),
  /** Within the shared bound, and never negative. */
  annualRevenue: boundedNumber('Annual revenue')
    .refine((n) => n >= 0, 'Annual revenue cannot be negative')
    .nullable(),
  industry: optionalText('Industry'),
  region: optionalText('Region'),
  /** The CSM: must be a member of the organization (checked by the mutators, which see the members). */
  ownerID: idSchema.nullable(),
};

/** A new account: the name is asked for; the rest is optional (the owner defaults to its creator). */
export const accountInput = z.object({
  name: accountFields.name,
  annualRevenue: accountFields.annualRevenue.default(null),
  industry: accountFields.industry.default(null),
  region: accountFields.region.default(null),
  ownerID: accountFields.ownerID.optional(),
});
export type AccountInput = z.infer<typeof accountInput>;

/** An edit: any subset of the fields. */
export const accountPatch = z.object(accountFields).partial();
export type AccountPatch = z.infer<typeof accountPatch>;
