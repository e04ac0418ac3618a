/** The header the server's /api/zero/mutate reads the organization from. */
export const ORG_HEADER = 'x-organization-id';
