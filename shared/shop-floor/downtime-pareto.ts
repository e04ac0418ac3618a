/**
 * A downtime Pareto: minutes lost per reason, largest first, with each
 * reason's share of all the minutes and the cumulative share, so a leader
 * sees which few reasons make up most of the lost time (the 80 % line).
 * Planned stops (maintenance, changeovers) and unplanned ones (breakdowns,
 * shortages) are told apart on every bar.
 */

export interface DowntimeStop {
  reasonID: string;
  durationMinutes: number;
  /** The reason's master data; undefined when it is not synced (yet). */
  reason?: { code: string; name: string; planned: boolean } | null | undefined;
}

export interface ParetoBar {
  reasonID: string;
  /** "MECH · Mechanical breakdown"; the id's start when the reason is unknown. */
  label: string;
  /** null: the reason is not known here, so neither. */
  planned: boolean | null;
  minutes: number;
  stops: number;
  /** Of all the minutes, 0-100. */
  share: number;
  /** This bar and every larger one, 0-100 (the last bar is 100). */
  cumulative: number;
}

export interface DowntimePareto {
  bars: ParetoBar[];
  totalMinutes: number;
  plannedMinutes: number;
  unplannedMinutes: number;
  stops: number;
}

const labelOf = (s: DowntimeStop) => (s.reason ? `${s.reason.code} · ${s.reason.name}` : `Reason ${s.reasonID.slice(0, 8)}`);

/** The stops summed per reason and sorted (most minutes first; ties by label, so the order is stable). */
export function downtimePareto(stops: readonly DowntimeStop[]): DowntimePareto {
  const byReason = new Map<string, Omit<ParetoBar, 'share' | 'cumulative'>>();
  for (const s of stops) {
    const bar = byReason.get(s.reasonID);
    if (bar) {
      bar.minutes += s.durationMinutes;
      bar.stops += 1;
    } else {
      byReason.set(s.reasonID, {
        reasonID: s.reasonID,
        label: labelOf(s),
        planned: s.reason ? s.reason.planned : null,
        minutes: s.durationMinutes,
        stops: 1,
      });
    }
  }
  const sorted = [...byReason.values()].sort((a, b) => b.minutes - a.minutes || a.label.localeCompare(b.label));
  const totalMinutes = sorted.reduce((sum, b) => sum + b.minutes, 0);
  let running = 0;
  const bars = sorted.map((b): ParetoBar => {
    running += b.minutes;
    return {
      ...b,
      share: totalMinutes > 0 ? (b.minutes / totalMinutes) * 100 : 0,
      cumulative: totalMinutes > 0 ? (running / totalMinutes) * 100 : 0,
    };
  });
  const minutesWhere = (planned: boolean) => bars.filter((b) => b.planned === planned).reduce((sum, b) => sum + b.minutes, 0);
  return {
    bars,
    totalMinutes,
    plannedMinutes: minutesWhere(true),
    unplannedMinutes: minutesWhere(false),
    stops: stops.length,
  };
}

/** The reasons that together make up `share` % of the minutes (at least one when there are any): the "vital few". */
export function vitalFew(pareto: DowntimePareto, share = 80): ParetoBar[] {
  const end = pareto.bars.findIndex((b) => b.cumulative >= share - 1e-9);
  return end < 0 ? pareto.bars : pareto.bars.slice(0, end + 1);
}
