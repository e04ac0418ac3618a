import { defineQuery } from '@rocicorp/zero';
import { idSchema as id } from '../../shared/validation.ts';
import '../context.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

/** Excel KPI uploads (customer success): an account's versions and open previews, live. */
export const kpiUploadQueries = {
  kpiUploads: {
    /** The account's uploads, newest first, with who made and who confirmed each. */
    byAccount: defineQuery(org.extend({ accountID: id }), ({ args, ctx }) =>
      scoped('kpiUpload', args.orgID, ctx)
        .where('accountID', args.accountID)
        .related('author', (a) => a.one())
        .related('confirmer', (a) => a.one())
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc'),
    ),
  },
};
