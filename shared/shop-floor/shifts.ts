import { z } from 'zod';
import { clockMinutes, MINUTES_PER_DAY, shiftSpanHours } from './shift.ts';

/**
 * Shifts in the calendar: a name, a start and an end as clock times
 * ('HH:MM', 24-hour) and breaks inside the shift. The times read as the KPI
 * formulas read a record's shift (shared/shop-floor/shift.ts): an end at or
 * before the start is the next day, so 22:00-06:00 is an overnight shift of
 * 8 hours, and equal times are a 24-hour shift. Limits mirrored by
 * 016_sf_master_data.sql.
 */
export const SHIFT_NAME_MAX = 100;
export const BREAKS_MAX = 10;
const isClock = (text: string) => clockMinutes(text) !== null;

/** A type, not an interface: synced as JSON, it must fit Zero's JSON value type. */
export type ShiftBreak = { start: string; end: string };
export interface ShiftTimes {
  start: string;
  end: string;
  breaks: readonly ShiftBreak[];
}

export const clockTime = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .refine(isClock, `${label} must be a time of day like 06:00 or 22:30`);

export const shiftFields = {
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required')
    .max(SHIFT_NAME_MAX, `Name must be at most ${SHIFT_NAME_MAX} characters`),
  start: clockTime('Start'),
  end: clockTime('End'),
  breaks: z
    .array(z.object({ start: clockTime('Break start'), end: clockTime('Break end') }), {
      error: 'Breaks must be a list of {start, end}',
    })
    .max(BREAKS_MAX, `A shift can have at most ${BREAKS_MAX} breaks`),
};

/** Minutes from the shift's start to `clock`, going forward (past midnight if need be), 0 to a day less a minute. */
const sinceStart = (start: string, clock: string) =>
  ((clockMinutes(clock) ?? 0) - (clockMinutes(start) ?? 0) + MINUTES_PER_DAY) % MINUTES_PER_DAY;

/** How long the shift lasts, breaks included, in minutes (its real hours: shiftSpanHours). */
export function shiftSpanMinutes(shift: Pick<ShiftTimes, 'start' | 'end'>): number {
  return Math.round((shiftSpanHours(shift.start, shift.end) ?? 0) * 60);
}

/** The minutes of the shift that are planned for work: its span less its breaks. */
export function plannedMinutes(shift: ShiftTimes): number {
  const breaks = shift.breaks.reduce((sum, b) => sum + sinceStart(b.start, b.end), 0);
  return shiftSpanMinutes(shift) - breaks;
}

/**
 * The rule across fields, added to a shift's schema: every break lies
 * inside the shift, after the previous one.
 * Each problem names its field (`breaks.1.start`).
 */
export function shiftRules(shift: ShiftTimes, ctx: z.RefinementCtx): void {
  // Zod runs this even when a field failed: times that are not clock times were reported already.
  if (!isClock(shift.start) || !isClock(shift.end)) return;
  const span = shiftSpanMinutes(shift);
  const window = `${shift.start}-${shift.end}`;
  const ordered = shift.breaks
    .map((b, i) => ({ i, b }))
    .filter(({ b }) => isClock(b.start) && isClock(b.end))
    // A break that ends on the shift's start clock time ends a full day in (inside only a 24-hour shift).
    .map(({ i, b }) => ({ i, from: sinceStart(shift.start, b.start), to: sinceStart(shift.start, b.end) || MINUTES_PER_DAY, b }))
    .sort((x, y) => x.from - y.from);
  let previousEnd = 0;
  let previous: ShiftBreak | undefined;
  for (const { i, from, to, b } of ordered) {
    if (to <= from || to > span) {
      const message =
        to === from ? 'A break must end after it starts' : `Break ${b.start}-${b.end} must lie inside the shift (${window})`;
      ctx.addIssue({ code: 'custom', path: ['breaks', i, 'end'], message });
    } else if (from < previousEnd) {
      ctx.addIssue({
        code: 'custom',
        path: ['breaks', i, 'start'],
        message: `Break ${b.start}-${b.end} overlaps the break ${previous?.start}-${previous?.end}`,
      });
    } else {
      previousEnd = to;
      previous = b;
    }
  }
}

/** Breaks as a person types them: "12:00-12:30, 15:00-15:10" (blank: none). */
export function breaksFromText(text: string): ShiftBreak[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split(/\s*[-–]\s*/);
      return { start: start.trim(), end: end.trim() };
    });
}

/** Breaks as text, the way breaksFromText reads them. */
export const breaksText = (breaks: readonly ShiftBreak[]) => breaks.map((b) => `${b.start}-${b.end}`).join(', ');
