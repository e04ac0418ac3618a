import { definePermissions } from '../permissions/define.ts';

/**
 * Live health (customer-success pack): every member reads accounts' stored
 * health, its monthly trend and the re-score runs. The scores are written
 * only by the server's jobs, acting as the member whose change asked for
 * them: `recompute` is held by every role that can change what health is
 * made of (data points up). Managers and up start a re-score of past months.
 */
export const liveHealthPermissions = definePermissions({
  accountHealth: { read: 'viewer', recompute: 'operator' },
  healthRescore: { read: 'viewer', start: 'manager' },
});
