import type { MasterDataKind } from '../../../shared/shop-floor/master-data.ts';
import { creationTransitionID } from '../../../sync/mutators/shop-floor/work-orders.ts';
import { mutators } from '../../../sync/mutators.ts';
import type { TestZero } from '../../helpers/zero-client.ts';
import type { Args, MutatorFactory, QueryFactory } from './cases.ts';
import { buildEntriesWorld, type EntriesWorld, entriesSecrets } from './shop-floor-entries-factories.ts';
import type { World } from './world.ts';

type Write = (write: Parameters<TestZero['mutate']>[0]) => Promise<void>;

/** One master data object's rows in A: one to edit, one to archive, one archived to restore. */
interface MasterRows {
  id: string;
  spare: string;
  archived: string;
}

/** The shop floor's part of the crossing world: A's rows, and the intruder's own in B. */
export interface ShopFloorWorld {
  master: Record<MasterDataKind, MasterRows>;
  /** ACTIVE, making A's product, with `jobID` on A's line: edit target. */
  workOrderID: string;
  jobID: string;
  /** ACTIVE: the transition target (to ON_HOLD). */
  holdOrderID: string;
  /** The intruder's own line, product, work order and job in B. */
  lineB: string;
  productB: string;
  workOrderB: string;
  jobB: string;
  /** Production, quality, downtime and attendance entries (shop-floor-entries-factories.ts). */
  entries: EntriesWorld;
}

/** A new row's fields for each master data object; `tag` keeps names and codes apart. */
const FIELDS: Record<MasterDataKind, (tag: string) => Record<string, unknown>> = {
  line: (tag) => ({ name: `Secret line ${tag}` }),
  product: (tag) => ({ code: `SEC-${tag}`, name: 'Secret product', idealCycleSeconds: 30 }),
  shift: (tag) => ({ name: `Secret shift ${tag}`, start: '22:00', end: '06:00', breaks: [{ start: '02:00', end: '02:30' }] }),
  employee: (tag) => ({ code: `E-${tag}`, name: 'Secret employee' }),
  downtimeReason: (tag) => ({ code: `DR-${tag}`, name: 'Secret stop', planned: false }),
  defectType: (tag) => ({ code: `DT-${tag}`, name: 'Secret defect' }),
};
const KINDS = Object.keys(FIELDS) as MasterDataKind[];

/** Any registered mutator by its name ("line.create"), seen loosely: the kinds' groups share one shape. */
const call = (name: string, args: Record<string, unknown>) => {
  const [group, op] = name.split('.') as [string, string];
  const entry = (mutators as unknown as Record<string, Record<string, (a: unknown) => unknown>>)[group]?.[op];
  if (!entry) throw new Error(`no mutator ${name}`);
  return entry(args) as Parameters<TestZero['mutate']>[0];
};

/** Builds A's shop-floor rows through the real mutators (as A's owner), and B's (as the intruder). */
export async function buildShopFloorWorld(ok: Write, okB: Write, id: () => string): Promise<ShopFloorWorld> {
  const master = {} as Record<MasterDataKind, MasterRows>;
  for (const kind of KINDS) {
    const rows = { id: id(), spare: id(), archived: id() };
    for (const [tag, rowID] of Object.entries(rows)) await ok(call(`${kind}.create`, { id: rowID, ...FIELDS[kind](tag) }));
    await ok(call(`${kind}.archive`, { id: rows.archived }));
    master[kind] = rows;
  }
  const [workOrderID, jobID, holdOrderID, lineB, productB, workOrderB, jobB] = [id(), id(), id(), id(), id(), id(), id()];
  const order = { plannedQuantity: 10, productID: master.product.id };
  await ok(mutators.workOrder.create({ id: workOrderID, number: 'SECRET-1', ...order }));
  await ok(mutators.workOrder.create({ id: holdOrderID, number: 'SECRET-2', ...order }));
  await ok(mutators.job.create({ id: jobID, workOrderID, name: 'Secret job', lineID: master.line.id, plannedQuantity: 10 }));
  await okB(mutators.line.create({ id: lineB, name: 'Own line' }));
  await okB(mutators.product.create({ id: productB, code: 'OWN-1', name: 'Own product', idealCycleSeconds: 5 }));
  await okB(mutators.workOrder.create({ id: workOrderB, number: 'OWN-1', plannedQuantity: 1, productID: productB }));
  await okB(mutators.job.create({ id: jobB, workOrderID: workOrderB, name: 'Own job', lineID: lineB, plannedQuantity: 1 }));
  const entries = await buildEntriesWorld(
    ok,
    okB,
    id,
    {
      workOrderID,
      lineID: master.line.id,
      shiftID: master.shift.id,
      employeeID: master.employee.id,
      reasonID: master.downtimeReason.id,
      defectTypeID: master.defectType.id,
    },
    { workOrderID: workOrderB, lineID: lineB },
  );
  return { master, workOrderID, jobID, holdOrderID, lineB, productB, workOrderB, jobB, entries };
}

/** Every id of A's shop-floor rows (none may reach the intruder). */
export const shopFloorSecrets = (sf: ShopFloorWorld) => [
  ...Object.values(sf.master).flatMap((r) => [r.id, r.spare, r.archived]),
  sf.workOrderID,
  sf.jobID,
  sf.holdOrderID,
  creationTransitionID(sf.workOrderID),
  creationTransitionID(sf.holdOrderID),
  ...entriesSecrets(sf.entries),
];

const LISTS: Record<MasterDataKind, string> = {
  line: 'lines.list',
  product: 'products.list',
  shift: 'shifts.list',
  employee: 'employees.list',
  downtimeReason: 'downtimeReasons.list',
  defectType: 'defectTypes.list',
};

/** The shop floor's synced queries. */
export const shopFloorQueries: Record<string, QueryFactory> = {
  ...Object.fromEntries(Object.values(LISTS).map((name) => [name, { args: (w: World) => ({ orgID: w.orgA }) }])),
  'workOrders.list': { args: (w) => ({ orgID: w.orgA }) },
  'workOrders.open': { args: (w) => ({ orgID: w.orgA }) },
  'workOrders.byId': { args: (w) => ({ orgID: w.orgA, workOrderID: w.sf.workOrderID }) },
};

/** A master data object's four mutators: create (a taken id from B is a conflict), update, archive, restore. */
const masterDataFactories = (kind: MasterDataKind): Record<string, MutatorFactory> => ({
  [`${kind}.create`]: {
    args: (w) => ({ id: w.fresh(), ...FIELDS[kind]('planted') }) as Args,
    fromOwnOrg: [{ args: (w) => ({ id: w.sf.master[kind].id, ...FIELDS[kind]('hijacked') }) as Args, refusal: 'CONFLICT' }],
  },
  [`${kind}.update`]: { args: (w) => ({ id: w.sf.master[kind].id, name: 'Renamed by a write' }) },
  [`${kind}.archive`]: { args: (w) => ({ id: w.sf.master[kind].spare }) },
  [`${kind}.restore`]: { args: (w) => ({ id: w.sf.master[kind].archived }) },
});

/** The shop floor's mutators. */
export const shopFloorMutators: Record<string, MutatorFactory> = {
  ...Object.assign({}, ...KINDS.map(masterDataFactories)),
  'workOrder.create': {
    args: (w) => ({ id: w.fresh(), number: 'PLANTED-1', plannedQuantity: 5, productID: w.sf.master.product.id }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.sf.workOrderID, number: 'HIJACKED-1', plannedQuantity: 5 }), refusal: 'CONFLICT' },
      {
        args: (w) => ({ id: w.fresh(), number: 'BORROWED-1', plannedQuantity: 5, productID: w.sf.master.product.id }),
        refusal: 'VALIDATION_FAILED',
      },
    ],
  },
  'workOrder.update': {
    args: (w) => ({ id: w.sf.workOrderID, plannedQuantity: 99, plannedShipDate: Date.UTC(2030, 0, 2) }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.sf.workOrderID, plannedQuantity: 99 }), refusal: 'NOT_FOUND' },
      { args: (w) => ({ id: w.sf.workOrderB, productID: w.sf.master.product.id }), refusal: 'VALIDATION_FAILED' },
    ],
  },
  'workOrder.transition': {
    args: (w) => ({ id: w.sf.holdOrderID, transitionID: w.fresh(), to: 'ON_HOLD', reason: 'Planted hold' }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.sf.holdOrderID, transitionID: w.fresh(), to: 'ON_HOLD', reason: 'x' }), refusal: 'NOT_FOUND' },
      {
        args: (w) => ({
          id: w.sf.workOrderB,
          transitionID: creationTransitionID(w.sf.workOrderID),
          to: 'ON_HOLD',
          reason: 'Taken id',
        }),
        refusal: 'CONFLICT',
      },
    ],
  },
  'job.create': {
    args: (w) => ({
      id: w.fresh(),
      workOrderID: w.sf.workOrderID,
      name: 'Planted job',
      lineID: w.sf.master.line.id,
      plannedQuantity: 3,
    }),
    fromOwnOrg: [
      {
        args: (w) => ({ id: w.fresh(), workOrderID: w.sf.workOrderID, name: 'J', lineID: w.sf.lineB, plannedQuantity: 3 }),
        refusal: 'NOT_FOUND',
      },
      {
        args: (w) => ({
          id: w.fresh(),
          workOrderID: w.sf.workOrderB,
          name: 'J',
          lineID: w.sf.master.line.id,
          plannedQuantity: 3,
        }),
        refusal: 'VALIDATION_FAILED',
      },
      {
        args: (w) => ({ id: w.sf.jobID, workOrderID: w.sf.workOrderB, name: 'J2', lineID: w.sf.lineB, plannedQuantity: 3 }),
        refusal: 'CONFLICT',
      },
    ],
  },
  'job.update': {
    args: (w) => ({ id: w.sf.jobID, plannedQuantity: 7 }),
    fromOwnOrg: [
      { args: (w) => ({ id: w.sf.jobID, plannedQuantity: 7 }), refusal: 'NOT_FOUND' },
      { args: (w) => ({ id: w.sf.jobB, lineID: w.sf.master.line.id }), refusal: 'VALIDATION_FAILED' },
    ],
  },
};
