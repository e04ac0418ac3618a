import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { formatSettingsPatch } from '../../../shared/locale.ts';
import { authorize, validate } from '../../permissions.ts';

// Argument shapes only; the rules (a locale Intl knows, an ISO 4217 code, an
// IANA time zone) are formatSettingsPatch's, checked inside with field messages.
const formatArgs = z.object({ locale: z.string().optional(), currency: z.string().optional(), timeZone: z.string().optional() });

export const organizationMutators = {
  /**
   * An admin sets how the working organization writes numbers, money and
   * dates, and the time zone its calendar days are read in. The
   * organization is the caller's working one (ctx), never an argument;
   * name, slug and logo stay better-auth's to change.
   */
  updateFormats: defineMutator(formatArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'organization', 'update');
    const patch = validate(formatSettingsPatch, args);
    if (patch.locale === undefined && patch.currency === undefined && patch.timeZone === undefined) return;
    await tx.mutate.organization.update({ id: orgID, ...patch });
  }),
};
