import { z } from 'zod';
import { idSchema } from '../../shared/validation.ts';

/** Every synced query names its organization: a switch takes effect at once. */
export const orgArgs = z.object({ orgID: idSchema });
export const orgKpiArgs = orgArgs.extend({ kpiID: idSchema });
