import { definePermissions } from '../permissions/define.ts';

/**
 * Excel KPI uploads of an account (issue 9): every member sees the versions;
 * managers and up upload (preview and discard), confirm and roll back.
 */
export const kpiUploadPermissions = definePermissions({
  kpiUpload: { read: 'viewer', upload: 'manager', confirm: 'manager', rollback: 'manager' },
});
