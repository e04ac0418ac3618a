import { z } from '@hono/zod-openapi';
import { KPI_NAMES } from '../../../shared/shop-floor/kpi-names.ts';
import { ROLLUP_GROUPINGS } from '../../../shared/shop-floor/rollup-kpis.ts';
import { isoDay } from '../openapi.ts';
import { InferredSchema, KpiResultSchema } from './schemas.ts';

/** The longest range GET /api/kpi/{name} and /all answer for. */
export const STORED_RANGE_MAX_DAYS = 366;
/** Without from: this many days up to `to` (today when absent). */
export const STORED_RANGE_DEFAULT_DAYS = 30;

const inQuery = (name: string) => ({ param: { name, in: 'query' as const } });
const day = (name: string, description: string) =>
  isoDay(name)
    .optional()
    .openapi({ ...inQuery(name), description });

export const StoredKpiQuery = z.object({
  line: z
    .string()
    .optional()
    .openapi({ ...inQuery('line'), description: 'A line’s id or name' }),
  product: z
    .string()
    .optional()
    .openapi({ ...inQuery('product'), description: 'A product’s id or code' }),
  shift: z
    .string()
    .optional()
    .openapi({ ...inQuery('shift'), description: 'A shift’s id or name (stops, not tied to a shift, are then left out)' }),
  from: day('from', `First shift date, included; default: ${STORED_RANGE_DEFAULT_DAYS} days up to to`),
  to: day('to', 'Last shift date, included; default: today (UTC)'),
  date_from: day('date_from', 'Seed 004’s name for from'),
  date_to: day('date_to', 'Seed 004’s name for to'),
  groupBy: z
    .enum(ROLLUP_GROUPINGS, { error: `groupBy must be one of ${ROLLUP_GROUPINGS.join(', ')}` })
    .default('total')
    .openapi({
      ...inQuery('groupBy'),
      description: 'Also answer per line, product, shift or day (keys: ids, "" for none; days YYYY-MM-DD); total: no groups',
    }),
});

const sum = (description?: string) => z.number().openapi(description === undefined ? {} : { description });
const InputsSchema = z
  .object({
    rows: sum('Stored rollup rows (one per line, product, shift and day) summed'),
    productionEntries: sum(),
    unitsProduced: sum(),
    unitsDefective: sum(),
    runHours: sum(),
    plannedMinutes: sum('The shifts’ span less breaks, per production entry (entries with no shift: none)'),
    shiftMinutes: sum('The shifts’ span, per production entry'),
    employeesAssigned: sum(),
    employeeMinutes: sum('Employees assigned × the shift’s span'),
    qualityEntries: sum(),
    inspected: sum(),
    scrap: sum(),
    rework: sum(),
    defects: sum(),
    plannedStops: sum(),
    plannedDowntimeMinutes: sum(),
    unplannedStops: sum(),
    unplannedDowntimeMinutes: sum(),
    ordersDue: sum('Work orders with a planned ship date in the range (OTD)'),
    attendanceRecords: sum('Attendance entries (absenteeism): not per line or product'),
    scheduledHours: sum(),
    absentHours: sum(),
  })
  .openapi('StoredKpiInputs', { description: 'The summed counts and times the KPIs were computed from' });

const FiltersSchema = z.object({
  line: z.string().nullable().openapi({ description: 'The line’s id' }),
  product: z.string().nullable().openapi({ description: 'The product’s id' }),
  shift: z.string().nullable().openapi({ description: 'The shift’s id' }),
  from: z.string().openapi({ format: 'date' }),
  to: z.string().openapi({ format: 'date' }),
  asOf: z.string().openapi({ format: 'date-time', description: 'Orders due by then count; history is read up to then' }),
});

const StoredInferredSchema = InferredSchema.omit({ rows: true })
  .extend({
    entries: z.number().openapi({
      description:
        'How many stored entries the value was filled into: production entries (quality entries for opportunitiesPerUnit)',
    }),
  })
  .openapi('StoredKpiInferred');
const StoredResultSchema = KpiResultSchema.extend({ inferred: z.array(StoredInferredSchema) }).openapi('StoredKpiResult');

const Results = z.object(Object.fromEntries(KPI_NAMES.map((name) => [name, StoredResultSchema.optional()])));

export const StoredKpisSchema = z
  .object({
    filters: FiltersSchema,
    groupBy: z.enum(ROLLUP_GROUPINGS),
    inputs: InputsSchema,
    results: Results,
    groups: z
      .array(z.object({ key: z.string(), inputs: InputsSchema, results: Results }))
      .openapi({ description: 'Per groupBy key (none for total), in date or first-seen order' }),
  })
  .openapi('StoredKpis');

export const StoredKpiSchema = StoredResultSchema.extend({
  name: z.enum(KPI_NAMES),
  filters: FiltersSchema,
  groupBy: z.enum(ROLLUP_GROUPINGS),
  inputs: InputsSchema,
  groups: z.array(StoredResultSchema.extend({ key: z.string(), inputs: InputsSchema })),
}).openapi('StoredKpi');

export const KpiNameParams = z.object({
  name: z.string().openapi({ param: { name: 'name', in: 'path' }, example: 'oee', description: KPI_NAMES.join(', ') }),
});
