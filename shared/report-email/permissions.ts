import { definePermissions } from '../permissions/define.ts';

/**
 * Scheduled report e-mail's part of the permission matrix. Schedules carry
 * recipients' addresses, so managers and up (who may make reports, §5) read,
 * create, delete and "send now"; the send log, with delivery errors and SMTP
 * answers, is for admins, who configure the organization.
 */
export const reportEmailPermissions = definePermissions({
  reportSchedule: { read: 'manager', create: 'manager', delete: 'manager', run: 'manager' },
  reportSend: { read: 'admin' },
});
