import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { handleError } from '../../server/http/errors.ts';
import { goalRestFields } from '../../server/rest/goals/schemas.ts';
import type { RestFields } from '../../server/rest/issues.ts';
import { kpiRestFields, recordRestFields } from '../../server/rest/kpis/schemas.ts';
import { productionEntryRestFields } from '../../server/rest/production-entries/schemas.ts';
import { inTenant } from '../../server/rest/tenant.ts';
import { workOrderRestFields } from '../../server/rest/work-orders/schemas.ts';
import type { DbProvider } from '../../server/zero/db-provider.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import { mutatorError } from '../../sync/permissions.ts';

const caller = { userID: 'u1', orgID: 'o1', via: 'apiKey' as const };

/**
 * The answer a REST route gives when a mutator inside inTenant refuses with
 * `issues` (column names), on a resource whose field map is `fields`: the
 * real error path (inTenant, restError, the app's error handler) in-process,
 * with a database that refuses at once.
 */
async function refusal(fields: RestFields | undefined, issues: FieldIssue[]) {
  const deps = {
    dbProvider: {
      transaction: async () => {
        throw mutatorError('VALIDATION_FAILED', 'Invalid input', issues);
      },
    } as unknown as DbProvider,
    // Never reached: nothing commits.
    postCommit: () => {},
    fields,
  } as Parameters<typeof inTenant>[0];
  const app = new Hono();
  app.onError((err, c) => handleError(err, c, () => {}));
  app.post('/', async (c) => c.json(await inTenant(deps, caller, 'test', async () => null)));
  const res = await app.request('/', { method: 'POST' });
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; details: FieldIssue[] } };
  expect(body.error.code).toBe('VALIDATION_FAILED');
  return body.error.details.map(({ loc, msg }) => ({ loc, msg }));
}

const nameMissing = { loc: ['name'], msg: 'Name is required', type: 'too_small' };

describe('REST field names are mapped per resource', () => {
  test('a resource without renames (API keys) keeps its own `name`', async () => {
    expect(await refusal(undefined, [nameMissing])).toEqual([{ loc: ['body', 'name'], msg: 'Name is required' }]);
  });

  test('KPIs still answer with their REST names: name -> title, target -> targetValue, with the labels', async () => {
    const issues = [nameMissing, { loc: ['target'], msg: 'Target must be a positive number', type: 'custom' }];
    expect(await refusal(kpiRestFields, issues)).toEqual([
      { loc: ['body', 'title'], msg: 'Title is required' },
      { loc: ['body', 'targetValue'], msg: 'Target value must be a positive number' },
    ]);
  });

  test('goals rename only their own fields: a KPI link’s kpiID, never a `name`', async () => {
    const issues = [
      { loc: ['kpis', 1, 'kpiID'], msg: 'KPI not found', type: 'custom' },
      { loc: ['name'], msg: 'Name is taken', type: 'custom' },
    ];
    expect(await refusal(goalRestFields, issues)).toEqual([
      { loc: ['body', 'kpis', 1, 'kpiId'], msg: 'KPI not found' },
      { loc: ['body', 'name'], msg: 'Name is taken' },
    ]);
  });

  test('records rename kpiID and leave a `target` alone', async () => {
    const issues = [
      { loc: ['kpiID'], msg: 'KPI not found', type: 'custom' },
      { loc: ['target'], msg: 'Target is not a record field', type: 'custom' },
    ];
    expect(await refusal(recordRestFields, issues)).toEqual([
      { loc: ['body', 'kpiId'], msg: 'KPI not found' },
      { loc: ['body', 'target'], msg: 'Target is not a record field' },
    ]);
  });

  test('work orders name the product by its code: productID -> product; `number` and `to` keep their names', async () => {
    const issues = [
      { loc: ['productID'], msg: 'Product “Gadget” is archived: restore it or choose another', type: 'archived' },
      { loc: ['number'], msg: 'Number is required', type: 'too_small' },
      {
        loc: ['to'],
        msg: '"to" cannot be ACTIVE while the work order is COMPLETED: Completed is final',
        type: 'forbidden_transition',
      },
    ];
    expect(await refusal(workOrderRestFields, issues)).toEqual([
      { loc: ['body', 'product'], msg: 'Product “Gadget” is archived: restore it or choose another' },
      { loc: ['body', 'number'], msg: 'Number is required' },
      { loc: ['body', 'to'], msg: '"to" cannot be ACTIVE while the work order is COMPLETED: Completed is final' },
    ]);
  });

  test('production entries name the order by number, the shift by name and the run time in hours; units keep their names', async () => {
    const issues = [
      { loc: ['workOrderID'], msg: 'Work order WO-1 is completed: it takes no new entries', type: 'closed' },
      { loc: ['runHours'], msg: 'Run time cannot be negative', type: 'custom' },
      { loc: ['lineID'], msg: 'Line not found in this organization', type: 'not_found' },
      { loc: ['shiftID'], msg: 'Shift not found in this organization', type: 'not_found' },
      { loc: ['unitsDefective'], msg: 'Units defective (2) cannot be more than units produced (1)', type: 'custom' },
    ];
    expect(await refusal(productionEntryRestFields, issues)).toEqual([
      { loc: ['body', 'workOrder'], msg: 'Work order WO-1 is completed: it takes no new entries' },
      { loc: ['body', 'runTimeHours'], msg: 'Run time cannot be negative' },
      { loc: ['body', 'lineId'], msg: 'Line not found in this organization' },
      { loc: ['body', 'shift'], msg: 'Shift not found in this organization' },
      { loc: ['body', 'unitsDefective'], msg: 'Units defective (2) cannot be more than units produced (1)' },
    ]);
  });
});

describe('a unique index that catches a race', () => {
  test('answers 409 CONFLICT in the error shape, not a 500', async () => {
    const deps = {
      dbProvider: {
        transaction: async () => {
          throw Object.assign(new Error('duplicate key value violates unique constraint "sf_line_org_name_key"'), {
            code: '23505',
          });
        },
      } as unknown as DbProvider,
    } as Parameters<typeof inTenant>[0];
    const app = new Hono();
    app.onError((err, c) => handleError(err, c, () => {}));
    app.post('/', async (c) => c.json(await inTenant(deps, caller, 'test', async () => null)));
    const res = await app.request('/', { method: 'POST' });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.message).toMatch(/taken now/);
    expect(body.error.message).not.toMatch(/sf_line|duplicate key/);
  });
});
