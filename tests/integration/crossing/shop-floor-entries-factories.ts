import { mutators } from '../../../sync/mutators.ts';
import type { TestZero } from '../../helpers/zero-client.ts';
import type { MutatorFactory, QueryFactory } from './cases.ts';
import type { World } from './world.ts';

type Write = (write: Parameters<TestZero['mutate']>[0]) => Promise<void>;
const KINDS = ['productionEntry', 'qualityEntry', 'downtimeEntry', 'attendanceEntry'] as const;
type Kind = (typeof KINDS)[number];

/** A's entries of each kind (one to edit, one to delete) and the intruder's own references and entry in B. */
export interface EntriesWorld {
  rows: Record<Kind, { id: string; spare: string }>;
  shiftB: string;
  employeeB: string;
  reasonB: string;
  productionB: string;
}

/** The shift date of the world's entries. */
const DATE = Date.UTC(2026, 10, 2);

/** What A's rows are named by, and B's: the world built so far (shop-floor-factories.ts). */
interface Refs {
  workOrderID: string;
  lineID: string;
  shiftID: string;
  employeeID: string;
  reasonID: string;
  defectTypeID: string;
}

/** A new entry of each kind, on the references `r`. */
const FIELDS: Record<Kind, (r: Refs) => Record<string, unknown>> = {
  productionEntry: (r) => ({
    workOrderID: r.workOrderID,
    lineID: r.lineID,
    shiftID: r.shiftID,
    shiftDate: DATE,
    unitsProduced: 40,
    unitsDefective: 2,
    runHours: 6,
    employeesAssigned: 3,
  }),
  qualityEntry: (r) => ({
    workOrderID: r.workOrderID,
    lineID: r.lineID,
    shiftID: r.shiftID,
    shiftDate: DATE,
    inspected: 20,
    defects: { [r.defectTypeID]: 2 },
    scrap: 1,
  }),
  downtimeEntry: (r) => ({ lineID: r.lineID, reasonID: r.reasonID, startedAt: DATE + 23 * 3_600_000, durationMinutes: 15 }),
  attendanceEntry: (r) => ({ employeeID: r.employeeID, shiftID: r.shiftID, shiftDate: DATE, scheduledHours: 8 }),
};

/** Any registered mutator by its name ("productionEntry.create"), seen loosely: the kinds' groups share one shape. */
const call = (name: string, args: Record<string, unknown>) => {
  const [group, op] = name.split('.') as [string, string];
  const entry = (mutators as unknown as Record<string, Record<string, (a: unknown) => unknown>>)[group]?.[op];
  if (!entry) throw new Error(`no mutator ${name}`);
  return entry(args) as Parameters<TestZero['mutate']>[0];
};

/** A's references in the crossing world. */
const refsA = (w: World): Refs => ({
  workOrderID: w.sf.workOrderID,
  lineID: w.sf.master.line.id,
  shiftID: w.sf.master.shift.id,
  employeeID: w.sf.master.employee.id,
  reasonID: w.sf.master.downtimeReason.id,
  defectTypeID: w.sf.master.defectType.id,
});
/** The intruder's own references in B (B has no defect types: a quality entry there names none). */
const refsB = (w: World): Refs => ({
  workOrderID: w.sf.workOrderB,
  lineID: w.sf.lineB,
  shiftID: w.sf.entries.shiftB,
  employeeID: w.sf.entries.employeeB,
  reasonID: w.sf.entries.reasonB,
  defectTypeID: '',
});
const inB = (w: World, kind: Kind) => {
  const fields = FIELDS[kind](refsB(w));
  return kind === 'qualityEntry' ? { ...fields, defects: {} } : fields;
};

// An employee has one attendance entry per shift and date: A's two rows take the next two days,
// leaving DATE to the create factory's positive control.
const laterDay = (kind: (typeof KINDS)[number], days: number) =>
  kind === 'attendanceEntry' ? { shiftDate: DATE + days * 86_400_000 } : {};

/** Builds A's entries (as A's owner) and B's references and entry (as the intruder). */
export async function buildEntriesWorld(
  ok: Write,
  okB: Write,
  id: () => string,
  a: Refs,
  b: { workOrderID: string; lineID: string },
): Promise<EntriesWorld> {
  const rows = {} as EntriesWorld['rows'];
  for (const kind of KINDS) {
    rows[kind] = { id: id(), spare: id() };
    await ok(call(`${kind}.create`, { id: rows[kind].id, ...FIELDS[kind](a), ...laterDay(kind, 1) }));
    await ok(call(`${kind}.create`, { id: rows[kind].spare, ...FIELDS[kind](a), ...laterDay(kind, 2) }));
  }
  const [shiftB, employeeB, reasonB, productionB] = [id(), id(), id(), id()];
  await okB(mutators.shift.create({ id: shiftB, name: 'Own shift', start: '06:00', end: '14:00', breaks: [] }));
  await okB(mutators.employee.create({ id: employeeB, code: 'OWN-E', name: 'Own employee' }));
  await okB(mutators.downtimeReason.create({ id: reasonB, code: 'OWN-R', name: 'Own reason', planned: false }));
  const own = { ...a, ...b, shiftID: shiftB };
  await okB(call('productionEntry.create', { id: productionB, ...FIELDS.productionEntry(own) }));
  return { rows, shiftB, employeeB, reasonB, productionB };
}

/** Every id of A's entries (none may reach the intruder). */
export const entriesSecrets = (e: EntriesWorld) => Object.values(e.rows).flatMap((r) => [r.id, r.spare]);

/** The entries' synced queries. */
export const shopFloorEntryQueries: Record<string, QueryFactory> = {
  'productionEntries.byWorkOrder': { args: (w) => ({ orgID: w.orgA, workOrderID: w.sf.workOrderID }) },
  'productionEntries.byLine': { args: (w) => ({ orgID: w.orgA, lineID: w.sf.master.line.id, from: DATE, to: DATE }) },
  'productionEntries.lineDay': { args: (w) => ({ orgID: w.orgA, lineID: w.sf.master.line.id, date: DATE }) },
  'productionEntries.recent': { args: (w) => ({ orgID: w.orgA }) },
  'qualityEntries.byLine': { args: (w) => ({ orgID: w.orgA, lineID: w.sf.master.line.id }) },
  'downtimeEntries.byLine': { args: (w) => ({ orgID: w.orgA, lineID: w.sf.master.line.id, from: DATE, to: DATE }) },
  'downtimeEntries.inRange': { args: (w) => ({ orgID: w.orgA, from: DATE, to: DATE }) },
  'attendanceEntries.byDate': { args: (w) => ({ orgID: w.orgA, from: DATE }) },
};

/** A field of each kind to edit, and a reference of A's that the intruder's own entry may not borrow. */
const EDITS: Record<Kind, { set: Record<string, unknown>; borrow: (w: World) => Record<string, unknown> }> = {
  productionEntry: { set: { unitsProduced: 45 }, borrow: (w) => ({ lineID: w.sf.master.line.id }) },
  qualityEntry: { set: { inspected: 25 }, borrow: (w) => ({ lineID: w.sf.master.line.id }) },
  downtimeEntry: { set: { durationMinutes: 25 }, borrow: (w) => ({ reasonID: w.sf.master.downtimeReason.id }) },
  attendanceEntry: { set: { scheduledHours: 7 }, borrow: (w) => ({ employeeID: w.sf.master.employee.id }) },
};

/**
 * Each kind's add (A's id from B: a conflict; A's references from B:
 * "not found" naming the field), edit and delete (A's rows from B: not found).
 */
const entryFactories = (kind: Kind): Record<string, MutatorFactory> => ({
  [`${kind}.create`]: {
    args: (w) => ({ id: w.fresh(), ...FIELDS[kind](refsA(w)) }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.sf.entries.rows[kind].id, ...inB(w, kind) }), refusal: 'CONFLICT' },
      { args: (w) => ({ id: w.fresh(), ...inB(w, kind), ...EDITS[kind].borrow(w) }), refusal: 'VALIDATION_FAILED' },
    ],
  },
  [`${kind}.update`]: { args: (w) => ({ id: w.sf.entries.rows[kind].id, ...EDITS[kind].set }) },
  [`${kind}.delete`]: { args: (w) => ({ id: w.sf.entries.rows[kind].spare }) },
});

export const shopFloorEntryMutators: Record<string, MutatorFactory> = {
  ...Object.assign({}, ...KINDS.map(entryFactories)),
  // The intruder's own production entry may not be moved onto A's work order.
  'productionEntry.update': {
    args: (w) => ({ id: w.sf.entries.rows.productionEntry.id, unitsProduced: 45 }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.sf.entries.rows.productionEntry.id, unitsProduced: 45 }), refusal: 'NOT_FOUND' },
      { args: (w) => ({ id: w.sf.entries.productionB, workOrderID: w.sf.workOrderID }), refusal: 'VALIDATION_FAILED' },
    ],
  },
};
