import type { Sql } from 'postgres';
import { permissionRows } from '../../shared/permissions/matrix.ts';

/**
 * Writes the permission matrix into app_role_permission (migration 007),
 * which the RLS policies read through app_can. Runs at every start right
 * after migrations, so editing the matrix changes the database on the next
 * start. All rows are replaced in one transaction: readers see the old
 * matrix or the new one, never a mix or an empty table. The table lock makes
 * two instances starting together take turns instead of colliding.
 */
export async function syncRolePermissions(admin: Sql): Promise<number> {
  const rows = permissionRows();
  await admin.begin(async (tx) => {
    await tx`LOCK TABLE app_role_permission IN EXCLUSIVE MODE`;
    await tx`DELETE FROM app_role_permission`;
    await tx`INSERT INTO app_role_permission ${tx(rows, 'role', 'resource', 'action', 'scope')}`;
  });
  return rows.length;
}
