import { z } from 'zod';

const id = z.string().min(1).max(64);

/** Every synced query names its organization: a switch takes effect at once. */
export const orgArgs = z.object({ orgID: id });
export const orgKpiArgs = orgArgs.extend({ kpiID: id });
export { id };
