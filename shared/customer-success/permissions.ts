import { definePermissions } from '../permissions/define.ts';

/**
 * Customer success's part of the permission matrix. Every member reads the
 * organization's accounts; managers and up add, edit, deactivate (the soft
 * delete) and reactivate them.
 */
export const customerSuccessPermissions = definePermissions({
  account: { read: 'viewer', create: 'manager', update: 'manager', deactivate: 'manager' },
});
