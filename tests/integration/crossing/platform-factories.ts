import type { MutatorFactory, QueryFactory } from './cases.ts';

/** The platform's synced queries (organizations, members, API keys). */
export const platformQueries: Record<string, QueryFactory> = {
  'organizations.mine': { args: () => undefined, intruderSeesOwn: true },
  'members.list': { args: (w) => ({ orgID: w.orgA }) },
  'apiKeys.list': { args: (w) => ({ orgID: w.orgA }) },
};

/** The platform's mutators. */
export const platformMutators: Record<string, MutatorFactory> = {
  'organization.updateFormats': {
    args: () => ({ locale: 'de-DE', currency: 'EUR', timeZone: 'Asia/Tokyo' }),
    fromOwnOrg: { allowed: "it names no organization: it changes the intruder's own B, where they are the owner" },
  },
};
