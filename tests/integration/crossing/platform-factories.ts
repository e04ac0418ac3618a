import type { QueryFactory } from './cases.ts';

/** The platform's synced queries (organizations, members, API keys). */
export const platformQueries: Record<string, QueryFactory> = {
  'organizations.mine': { args: () => undefined, intruderSeesOwn: true },
  'members.list': { args: (w) => ({ orgID: w.orgA }) },
  'apiKeys.list': { args: (w) => ({ orgID: w.orgA }) },
};
