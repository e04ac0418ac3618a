import { ORG_HEADER } from '../../../sync/context.ts';
import { api } from '../../lib/api.ts';

export interface CreatedApiKey {
  id: string;
  name: string;
  role: string;
  prefix: string;
  /** The whole secret: returned once, never stored in a readable form. */
  key: string;
}

/** Creates a key in the organization the page works in (named explicitly, not left to the session). */
export function createApiKey(orgID: string, input: { name: string; role: string }): Promise<CreatedApiKey> {
  return api.post<CreatedApiKey>('/api/api-keys', input, { [ORG_HEADER]: orgID });
}

export function revokeApiKey(orgID: string, id: string): Promise<unknown> {
  return api.delete(`/api/api-keys/${encodeURIComponent(id)}`, { [ORG_HEADER]: orgID });
}
