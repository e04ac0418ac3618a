import type { MutatorFactory, QueryFactory } from './cases.ts';

/** Customer success's synced queries. */
export const customerSuccessQueries: Record<string, QueryFactory> = {
  'accounts.list': { args: (w) => ({ orgID: w.orgA }) },
  'accounts.byId': { args: (w) => ({ orgID: w.orgA, accountID: w.accountID }) },
  'kpiUploads.byAccount': { args: (w) => ({ orgID: w.orgA, accountID: w.accountID }) },
};

/** Customer success's mutators. */
export const customerSuccessMutators: Record<string, MutatorFactory> = {
  'account.create': {
    args: (w) => ({ id: w.fresh(), name: 'Planted customer', annualRevenue: 5 }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.accountID, name: 'Hijacked customer' }), refusal: 'CONFLICT' },
      { args: (w) => ({ id: w.fresh(), name: 'Borrowed CSM', ownerID: w.owner.userID }), refusal: 'VALIDATION_FAILED' },
    ],
  },
  'account.update': {
    args: (w) => ({ id: w.accountID, name: 'Renamed customer', region: 'Nowhere' }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.accountID, name: 'Renamed customer' }), refusal: 'NOT_FOUND' },
      { args: (w) => ({ id: w.accountB, ownerID: w.owner.userID }), refusal: 'VALIDATION_FAILED' },
    ],
  },
  'account.deactivate': { args: (w) => ({ id: w.spareAccountID }) },
  'account.activate': { args: (w) => ({ id: w.inactiveAccountID }) },
  'kpiUpload.confirm': { args: (w) => ({ id: w.uploadPreviewID }) },
  'kpiUpload.discard': { args: (w) => ({ id: w.uploadSpareID }) },
  'kpiUpload.rollback': { args: (w) => ({ id: w.fresh(), fromID: w.uploadVersionID }) },
};
