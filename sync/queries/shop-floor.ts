import { defineQuery, type Query } from '@rocicorp/zero';
import { z } from 'zod';
import { WORK_ORDER_STATUSES } from '../../shared/shop-floor/work-orders.ts';
import { idSchema as id } from '../../shared/validation.ts';
import '../context.ts';
import type { Schema } from '../schema.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

/** One master data table's rows by name (or code, below), archived ones too: the settings page shows both. */
const listOf = <T extends 'line' | 'shift'>(table: T) =>
  defineQuery(org, ({ args, ctx }) => scoped(table, args.orgID, ctx).orderBy('name', 'asc').orderBy('id', 'asc'));
const listByCode = <T extends 'product' | 'employee' | 'downtimeReason' | 'defectType'>(table: T) =>
  defineQuery(org, ({ args, ctx }) => scoped(table, args.orgID, ctx).orderBy('code', 'asc').orderBy('id', 'asc'));

type WorkOrders = Query<'workOrder', Schema>;

/** Work orders with their product (a list's rows). */
export const withProduct = (orders: WorkOrders) => orders.related('product', (p) => p.one());

/**
 * Work orders with everything their page and REST show: the product, the
 * jobs (and their lines), the transitions (and who made them) and the holds,
 * oldest first.
 */
export const withHistory = (orders: WorkOrders) =>
  withProduct(orders)
    .related('jobs', (j) =>
      j
        .related('line', (l) => l.one())
        .orderBy('name', 'asc')
        .orderBy('id', 'asc'),
    )
    .related('transitions', (t) =>
      t
        .related('actor', (a) => a.one())
        .orderBy('createdAt', 'asc')
        .orderBy('id', 'asc'),
    )
    .related('holds', (h) => h.orderBy('startedAt', 'asc').orderBy('id', 'asc'));

/** The shop-floor pack's synced queries. */
export const shopFloorQueries = {
  lines: { list: listOf('line') },
  shifts: { list: listOf('shift') },
  products: { list: listByCode('product') },
  employees: { list: listByCode('employee') },
  downtimeReasons: { list: listByCode('downtimeReason') },
  defectTypes: { list: listByCode('defectType') },
  workOrders: {
    /** The organization's work orders by number, all or those in one status, with their product. */
    list: defineQuery(org.extend({ status: z.enum(WORK_ORDER_STATUSES).optional() }), ({ args, ctx }) => {
      const all = scoped('workOrder', args.orgID, ctx);
      return withProduct(args.status ? all.where('status', args.status) : all)
        .orderBy('number', 'asc')
        .orderBy('id', 'asc');
    }),
    /** The orders that take new entries (active or on hold), by number, with their jobs: the entry forms' choices. */
    open: defineQuery(org, ({ args, ctx }) =>
      scoped('workOrder', args.orgID, ctx)
        .where('status', 'IN', ['ACTIVE', 'ON_HOLD'])
        .related('jobs', (j) => j.orderBy('name', 'asc').orderBy('id', 'asc'))
        .orderBy('number', 'asc')
        .orderBy('id', 'asc'),
    ),
    /** One work order with its product, its jobs (and their lines), its transitions (and who made them) and its holds. */
    byId: defineQuery(org.extend({ workOrderID: id }), ({ args, ctx }) =>
      withHistory(scoped('workOrder', args.orgID, ctx).where('id', args.workOrderID)).one(),
    ),
  },
};
