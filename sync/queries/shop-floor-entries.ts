import { defineQuery, type Query } from '@rocicorp/zero';
import { z } from 'zod';
import { DAY_MS } from '../../shared/shop-floor/instants.ts';
import { idSchema as id } from '../../shared/validation.ts';
import '../context.ts';
import type { Schema } from '../schema.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

/** A day as epoch ms at UTC midnight (a shift date). */
const dayArg = z.number().int();
/** Days from and to, both included; either may be left open. */
const range = { from: dayArg.optional(), to: dayArg.optional() };
const lineRange = org.extend({ lineID: id, ...range });

/** How many of the latest production entries the entry page lists. */
export const RECENT_LIMIT = 30;

type Dated = 'productionEntry' | 'qualityEntry' | 'attendanceEntry';

/** Rows whose shift date lies in [from, to]. */
function inDays<T extends Dated>(query: Query<T, Schema>, args: { from?: number | undefined; to?: number | undefined }) {
  // Zero's builder cannot type a filter on a generic table; the three have shiftDate.
  let q = query as unknown as Query<'productionEntry', Schema>;
  if (args.from !== undefined) q = q.where('shiftDate', '>=', args.from);
  if (args.to !== undefined) q = q.where('shiftDate', '<=', args.to);
  return (q as unknown as Query<T, Schema>).orderBy('shiftDate', 'desc').orderBy('id', 'desc');
}

/** Stops that started in the range of days (UTC), latest first, with their reasons. */
export function stopsIn(query: Query<'downtimeEntry', Schema>, args: { from?: number | undefined; to?: number | undefined }) {
  let q = query;
  if (args.from !== undefined) q = q.where('startedAt', '>=', args.from);
  if (args.to !== undefined) q = q.where('startedAt', '<', args.to + DAY_MS);
  return q
    .related('reason', (r) => r.one())
    .orderBy('startedAt', 'desc')
    .orderBy('id', 'desc');
}

type Production = Query<'productionEntry', Schema>;

/** Production entries with what names them: the work order (its number), the line and the shift (REST shows these). */
export const withNames = (entries: Production) =>
  entries
    .related('workOrder', (w) => w.one())
    .related('line', (l) => l.one())
    .related('shift', (s) => s.one());

/** With what a grid shows next to the numbers, too: the quality found. */
export const withContext = (entries: Production) =>
  withNames(entries).related('quality', (q) => q.orderBy('createdAt', 'asc').orderBy('id', 'asc'));

/** The shop floor's entries as synced queries: newest shift date first. */
export const shopFloorEntryQueries = {
  productionEntries: {
    /** One work order's production, every line and shift. */
    byWorkOrder: defineQuery(org.extend({ workOrderID: id }), ({ args, ctx }) =>
      withContext(inDays(scoped('productionEntry', args.orgID, ctx).where('workOrderID', args.workOrderID), {})),
    ),
    /** One line's production over a range of shift dates. */
    byLine: defineQuery(lineRange, ({ args, ctx }) =>
      withContext(inDays(scoped('productionEntry', args.orgID, ctx).where('lineID', args.lineID), args)),
    ),
    /** A line's production of one shift date (every shift of it), with its quality entries. */
    lineDay: defineQuery(org.extend({ lineID: id, date: dayArg }), ({ args, ctx }) =>
      withContext(
        scoped('productionEntry', args.orgID, ctx)
          .where('lineID', args.lineID)
          .where('shiftDate', args.date)
          .orderBy('createdAt', 'asc')
          .orderBy('id', 'asc'),
      ),
    ),
    /** The latest entries made, every line (the entry page's list under its grid), with their job. */
    recent: defineQuery(org, ({ args, ctx }) =>
      withNames(scoped('productionEntry', args.orgID, ctx))
        .related('job', (j) => j.one())
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(RECENT_LIMIT),
    ),
  },
  qualityEntries: {
    byLine: defineQuery(lineRange, ({ args, ctx }) =>
      inDays(scoped('qualityEntry', args.orgID, ctx).where('lineID', args.lineID), args),
    ),
  },
  downtimeEntries: {
    /** A line's stops that started in the range of days (UTC), latest first, with their reasons. */
    byLine: defineQuery(lineRange, ({ args, ctx }) =>
      stopsIn(scoped('downtimeEntry', args.orgID, ctx).where('lineID', args.lineID), args),
    ),
    /** Every line's stops that started in the range of days (UTC), latest first, with their reasons (the line dashboard's Pareto). */
    inRange: defineQuery(org.extend({ from: dayArg, to: dayArg }), ({ args, ctx }) =>
      stopsIn(scoped('downtimeEntry', args.orgID, ctx), args),
    ),
  },
  attendanceEntries: {
    /** Attendance of every employee over a range of shift dates. */
    byDate: defineQuery(org.extend(range), ({ args, ctx }) =>
      inDays(scoped('attendanceEntry', args.orgID, ctx), args).related('employee', (e) => e.one()),
    ),
  },
};
