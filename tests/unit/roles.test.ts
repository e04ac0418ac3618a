import { describe, expect, test } from 'vitest';
import { assignableRoles, can, isRole, ROLES } from '../../shared/roles.ts';

describe('roles', () => {
  test('each role may do what the architecture says, and no more', () => {
    expect(can('viewer', 'kpi', 'read')).toBe(true);
    expect(can('viewer', 'dataPoint', 'create')).toBe(false);
    expect(can('operator', 'dataPoint', 'create')).toBe(true);
    expect(can('operator', 'kpi', 'create')).toBe(false);
    expect(can('operator', 'dataPoint', 'delete')).toBe(false);
    expect(can('manager', 'kpi', 'create')).toBe(true);
    expect(can('manager', 'member', 'invite')).toBe(false);
    expect(can('admin', 'member', 'invite')).toBe(true);
    expect(can('admin', 'organization', 'delete')).toBe(false);
    expect(can('owner', 'organization', 'delete')).toBe(true);
  });

  test('unknown or missing roles may do nothing', () => {
    expect(can('superhero', 'kpi', 'read')).toBe(false);
    expect(can(null, 'kpi', 'read')).toBe(false);
    expect(can(undefined, 'dataPoint', 'read')).toBe(false);
    expect(isRole('owner')).toBe(true);
    expect(isRole('OWNER')).toBe(false);
  });

  test('roles are ordered from most to least powerful, and nobody hands out more than they hold', () => {
    expect(ROLES).toEqual(['owner', 'admin', 'manager', 'operator', 'viewer']);
    expect(assignableRoles('owner')).toEqual(['owner', 'admin', 'manager', 'operator', 'viewer']);
    expect(assignableRoles('admin')).toEqual(['admin', 'manager', 'operator', 'viewer']);
    expect(assignableRoles('manager')).toEqual([]);
    expect(assignableRoles('viewer')).toEqual([]);
  });
});
