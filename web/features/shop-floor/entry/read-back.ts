/**
 * The read-back of seed 004: before a batch is saved, each entry is said in
 * words, as a supervisor would read it back over the radio:
 * "Line 1, night shift 2 Dec: 480 units, 3 defective, 7.5 h, 6 people
 * (work order WO-1001)". Pure.
 */
export interface ReadBackEntry {
  line: string;
  /** The shift's name, or null when none was said. */
  shift: string | null;
  /** The shift date, epoch ms at UTC midnight. */
  shiftDate: number;
  workOrder: string;
  job: string | null;
  unitsProduced: number;
  unitsDefective: number;
  runHours: number;
  employeesAssigned: number;
  employeesPresent: number | null;
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "night shift" for a shift named "Night", "Night shift" or "night"; the name as is when it says more. */
export function shiftWords(name: string): string {
  const n = name.trim();
  return /shift$/i.test(n) ? n.toLowerCase() : `${n.toLowerCase()} shift`;
}

export function readBack(e: ReadBackEntry): string {
  const when = [e.shift ? shiftWords(e.shift) : null, DAY.format(e.shiftDate)].filter(Boolean).join(' ');
  const people = e.employeesPresent ?? e.employeesAssigned;
  const what = [
    plural(e.unitsProduced, 'unit', 'units'),
    `${e.unitsDefective.toLocaleString('en-US')} defective`,
    `${e.runHours.toLocaleString('en-US', { maximumFractionDigits: 2 })} h`,
    plural(people, 'person', 'people'),
  ].join(', ');
  const order = e.job ? `work order ${e.workOrder}, job ${e.job}` : `work order ${e.workOrder}`;
  return `${e.line}, ${when}: ${what} (${order})`;
}
