import { describe, expect, test } from 'vitest';
import { chatPermissions } from '../../shared/chat/permissions.ts';
import { customerSuccessPermissions } from '../../shared/customer-success/permissions.ts';
import { kpiUploadPermissions } from '../../shared/customer-success/uploads-permissions.ts';
import { dashboardPermissions } from '../../shared/dashboards/permissions.ts';
import { liveHealthPermissions } from '../../shared/health/live-permissions.ts';
import { healthPermissions } from '../../shared/health/permissions.ts';
import { kpiTrackerPermissions } from '../../shared/kpi-tracker/permissions.ts';
import { definePermissions, mergePermissions } from '../../shared/permissions/define.ts';
import { allPermissions, PERMISSIONS, permissionRows } from '../../shared/permissions/matrix.ts';
import { API_KEY_ROLES, apiKeyRolesFor } from '../../shared/platform/api-key-roles.ts';
import { platformPermissions } from '../../shared/platform/permissions.ts';
import { playbookPermissions } from '../../shared/playbooks/permissions.ts';
import { reportEmailPermissions } from '../../shared/report-email/permissions.ts';
import { assignableRoles, can, canActOn, ROLES, rolesThat, scopeOf } from '../../shared/roles.ts';
import { shopFloorPermissions } from '../../shared/shop-floor/permissions.ts';

describe('the permission matrix', () => {
  test('is every pack fragment merged, each resource from exactly one fragment', () => {
    const fromFragments = [
      platformPermissions,
      kpiTrackerPermissions,
      dashboardPermissions,
      healthPermissions,
      playbookPermissions,
      customerSuccessPermissions,
      liveHealthPermissions,
      kpiUploadPermissions,
      shopFloorPermissions,
      reportEmailPermissions,
      chatPermissions,
    ]
      .flatMap((f) => Object.keys(f))
      .sort();
    expect(Object.keys(PERMISSIONS).sort()).toEqual(fromFragments);
    expect(new Set(fromFragments).size).toBe(fromFragments.length);
  });

  test('a second fragment claiming a resource, or an "all" grant weaker than its "own", is refused', () => {
    const extra = definePermissions({ kpi: { read: 'viewer' } });
    expect(() => mergePermissions(kpiTrackerPermissions, extra)).toThrow(
      'Permission resource "kpi" is defined by two fragments.',
    );
    const backwards = definePermissions({ widget: { update: { own: 'manager', all: 'operator' } } });
    expect(() => mergePermissions(backwards)).toThrow(/widget\.update/);
    const fine = mergePermissions(definePermissions({ widget: { read: 'viewer' } }), definePermissions({ gadget: {} }));
    expect(Object.keys(fine)).toEqual(['widget', 'gadget']);
  });

  test('every resource can be read by some role (the tenant-scoping helper asks for read)', () => {
    for (const resource of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(rolesThat(resource, 'read' as never), resource).not.toEqual([]);
    }
    expect(rolesThat('apiKey', 'read')).toEqual(['owner', 'admin']);
    expect(rolesThat('insight', 'read')).toEqual([...ROLES]);
    expect(rolesThat('dashboardLayout', 'read')).toEqual([...ROLES]);
  });

  test('follows the role ladder: whatever a role may, every stronger role may too, as far or further', () => {
    const reach = { all: 2, own: 1 } as const;
    for (const { resource, action } of allPermissions()) {
      const reaches = ROLES.map((r) => {
        const scope = scopeOf(r, resource, action as never);
        return scope ? reach[scope] : 0;
      });
      expect(
        [...reaches].sort((a, b) => b - a),
        `${resource}.${action}`,
      ).toEqual(reaches);
    }
  });

  test('operators may edit only the data points they entered; managers any; viewers none', () => {
    expect(scopeOf('operator', 'dataPoint', 'update')).toBe('own');
    expect(scopeOf('manager', 'dataPoint', 'update')).toBe('all');
    expect(scopeOf('viewer', 'dataPoint', 'update')).toBeNull();
    expect(can('operator', 'dataPoint', 'update')).toBe(true);
    expect(canActOn('operator', 'dataPoint', 'update', 'u1', 'u1')).toBe(true);
    expect(canActOn('operator', 'dataPoint', 'update', 'u2', 'u1')).toBe(false);
    // A point whose author is gone (null) is nobody's own.
    expect(canActOn('operator', 'dataPoint', 'update', null, 'u1')).toBe(false);
    expect(canActOn('operator', 'dataPoint', 'update', undefined, undefined)).toBe(false);
    expect(canActOn('manager', 'dataPoint', 'update', 'u2', 'u1')).toBe(true);
    expect(canActOn('viewer', 'dataPoint', 'update', 'u1', 'u1')).toBe(false);
    expect(canActOn('nobody', 'dataPoint', 'update', 'u1', 'u1')).toBe(false);
  });

  test('as rows (what the database holds): one per role and permitted action, with its scope', () => {
    const rows = permissionRows();
    expect(rows).toContainEqual({ role: 'operator', resource: 'dataPoint', action: 'update', scope: 'own' });
    expect(rows).toContainEqual({ role: 'owner', resource: 'organization', action: 'delete', scope: 'all' });
    expect(rows).not.toContainEqual(expect.objectContaining({ role: 'admin', resource: 'organization', action: 'delete' }));
    for (const role of ROLES) {
      for (const { resource, action } of allPermissions()) {
        const row = rows.find((r) => r.role === role && r.resource === resource && r.action === action);
        expect(row?.scope ?? null, `${role} ${resource}.${action}`).toBe(scopeOf(role, resource, action as never));
      }
    }
    expect(new Set(rows.map((r) => `${r.role} ${r.resource} ${r.action}`)).size).toBe(rows.length);
  });

  test('API keys carry any role but owner; a member gives keys only if they manage keys, never above their own role', () => {
    expect(API_KEY_ROLES).toEqual(['admin', 'manager', 'operator', 'viewer']);
    expect(apiKeyRolesFor('owner')).toEqual(['admin', 'manager', 'operator', 'viewer']);
    expect(apiKeyRolesFor('admin')).toEqual(['admin', 'manager', 'operator', 'viewer']);
    expect(apiKeyRolesFor('manager')).toEqual([]);
    expect(apiKeyRolesFor(undefined)).toEqual([]);
  });

  test('only those who invite hand out roles, never above their own, and only owners make owners', () => {
    expect(assignableRoles('owner')).toEqual([...ROLES]);
    expect(assignableRoles('admin')).toEqual(['admin', 'manager', 'operator', 'viewer']);
    expect(assignableRoles('operator')).toEqual([]);
    expect(assignableRoles(null)).toEqual([]);
  });
});
