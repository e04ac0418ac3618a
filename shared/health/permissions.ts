import { definePermissions } from '../permissions/define.ts';

/**
 * Health configuration (customer-success pack): the reference ranges of KPIs
 * and the category weights. Everyone reads them (a score says which range and
 * version it used); admins change them, and every change is a new version.
 */
export const healthPermissions = definePermissions({
  healthConfig: { read: 'viewer', manage: 'admin' },
});
