import { z } from '@hono/zod-openapi';
import { EMPLOYEES_MAX, NOTE_MAX } from '../../../shared/shop-floor/entries.ts';
import { MAX_SHIFT_HOURS } from '../../../shared/shop-floor/shift.ts';
import { QUANTITY_MAX } from '../../../shared/shop-floor/work-orders.ts';
import type { Line, ProductionEntry, Shift, WorkOrder } from '../../../sync/schema.ts';
import { restFields } from '../issues.ts';
import { iso, isoDay } from '../json.ts';
import { isoDay as day, limitQuery } from '../openapi.ts';

/**
 * Production entries as REST shows them. Request schemas check shape only;
 * the rules (units defective never above units produced, hours from 0 to
 * 24 and within the shift, the work order the organization's and open) are
 * shared/shop-floor/entries.ts', applied by the mutator. The work order is
 * named by its number, the shift by its name; shift dates are YYYY-MM-DD.
 */

/** The mutator's fields under their REST names. */
export const productionEntryRestFields = restFields({
  workOrderID: 'workOrder',
  jobID: 'jobId',
  lineID: 'lineId',
  shiftID: 'shift',
  runHours: 'runTimeHours',
});

export const ENTRIES_PAGE_MAX = 500;
export const ENTRIES_PAGE_DEFAULT = 50;

const dateTime = z.string().openapi({ format: 'date-time' });
const count = (name: string) => z.number({ error: `${name} must be a number` });

export const ProductionEntrySchema = z
  .object({
    id: z.string(),
    workOrder: z.string().openapi({ description: 'The work order’s number', example: 'WO-1001' }),
    workOrderId: z.string(),
    jobId: z.string().nullable(),
    lineId: z.string(),
    line: z.string().nullable().openapi({ description: 'The line’s name', example: 'Assembly line' }),
    shift: z.string().nullable().openapi({ description: 'The shift’s name', example: 'Night' }),
    shiftId: z.string().nullable(),
    shiftDate: z.string().openapi({ format: 'date', description: 'The day the shift starts', example: '2026-12-02' }),
    unitsProduced: z.number().int(),
    unitsDefective: z.number().int(),
    runTimeHours: z.number(),
    employeesAssigned: z.number().int(),
    employeesPresent: z.number().int().nullable(),
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: dateTime,
    updatedBy: z.string().nullable(),
    updatedAt: dateTime,
  })
  .openapi('ProductionEntry');

export const ProductionEntryPageSchema = z
  .object({
    items: z.array(ProductionEntrySchema).openapi({ description: 'Newest shift date first' }),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })
  .openapi('ProductionEntryPage');

export const ProductionEntryCreateSchema = z
  .object({
    workOrder: z
      .string({ error: 'workOrder must be a work order number' })
      .openapi({ description: 'The number of one of the organization’s ACTIVE or ON_HOLD work orders', example: 'WO-1001' }),
    shiftDate: day('shiftDate').openapi({ description: 'The day the shift starts (a night shift: the evening it begins)' }),
    unitsProduced: count('unitsProduced').openapi({ type: 'integer', minimum: 0, maximum: QUANTITY_MAX, example: 480 }),
    runTimeHours: count('runTimeHours').openapi({
      minimum: 0,
      maximum: MAX_SHIFT_HOURS,
      example: 7.25,
      description: 'Hours the line ran; at most the shift’s span',
    }),
    employeesAssigned: count('employeesAssigned').openapi({ type: 'integer', minimum: 0, maximum: EMPLOYEES_MAX, example: 4 }),
    unitsDefective: count('unitsDefective')
      .optional()
      .openapi({ type: 'integer', minimum: 0, example: 6, description: 'At most unitsProduced; 0 when absent' }),
    lineId: z
      .string({ error: 'lineId must be a line id' })
      .optional()
      .openapi({ description: 'Absent: the line of the work order’s first job (a 400 naming lineId when it has none)' }),
    shift: z
      .string({ error: 'shift must be a shift name' })
      .optional()
      .openapi({ description: 'The name of one of the organization’s shifts', example: 'Early' }),
    jobId: z
      .string({ error: 'jobId must be a job id' })
      .nullable()
      .optional()
      .openapi({ description: 'One of the work order’s jobs' }),
    employeesPresent: count('employeesPresent').nullable().optional().openapi({ type: 'integer', minimum: 0, example: 4 }),
    note: z.string({ error: 'note must be text' }).nullable().optional().openapi({ maxLength: NOTE_MAX }),
  })
  .openapi('ProductionEntryCreate', {
    example: {
      workOrder: 'WO-1001',
      shiftDate: '2026-12-02',
      unitsProduced: 480,
      runTimeHours: 7.25,
      employeesAssigned: 4,
      unitsDefective: 6,
      shift: 'Early',
    },
  });

const inQuery = (name: string) => ({ param: { name, in: 'query' as const } });
export const ProductionEntryListQuery = z.object({
  workOrder: z
    .string()
    .optional()
    .openapi({ ...inQuery('workOrder'), description: 'A work order’s number', example: 'WO-1001' }),
  line: z
    .string()
    .optional()
    .openapi({ ...inQuery('line'), description: 'A line’s id' }),
  from: day('from')
    .optional()
    .openapi({ ...inQuery('from'), description: 'First shift date, included', example: '2026-11-01' }),
  to: day('to')
    .optional()
    .openapi({ ...inQuery('to'), description: 'Last shift date, included', example: '2026-11-30' }),
  limit: limitQuery(ENTRIES_PAGE_MAX, ENTRIES_PAGE_DEFAULT),
  cursor: z
    .string()
    .optional()
    .openapi({ ...inQuery('cursor'), description: 'The `nextCursor` of the page before' }),
});

export type ProductionEntryRow = ProductionEntry & {
  readonly workOrder?: WorkOrder | undefined;
  readonly line?: Line | undefined;
  readonly shift?: Shift | undefined;
};

export function productionEntryJson(e: ProductionEntryRow): z.infer<typeof ProductionEntrySchema> {
  return {
    id: e.id,
    workOrder: e.workOrder?.number ?? '',
    workOrderId: e.workOrderID,
    jobId: e.jobID ?? null,
    lineId: e.lineID,
    line: e.line?.name ?? null,
    shift: e.shift?.name ?? null,
    shiftId: e.shiftID ?? null,
    shiftDate: isoDay(e.shiftDate),
    unitsProduced: e.unitsProduced,
    unitsDefective: e.unitsDefective,
    runTimeHours: e.runHours,
    employeesAssigned: e.employeesAssigned,
    employeesPresent: e.employeesPresent ?? null,
    note: e.note ?? null,
    createdBy: e.createdBy ?? null,
    createdAt: iso(e.createdAt),
    updatedBy: e.updatedBy ?? null,
    updatedAt: iso(e.updatedAt),
  };
}
