/**
 * A dashboard's time range: a rolling window ending now, or fixed dates.
 * Widgets show the range; number widgets compare it with the period of the
 * same length just before it.
 */
export const TIME_RANGES = ['7d', '30d', '90d', '12m', 'custom'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

export const TIME_RANGE_LABELS: Record<TimeRange, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '12m': 'Last 12 months',
  custom: 'Custom dates',
};

const DAY = 86_400_000;
/** The longest custom range: past it a line chart is a smear and the query a flood. */
export const CUSTOM_RANGE_MAX_DAYS = 5 * 366;

export interface Period {
  start: number;
  end: number;
}

/** Midnight UTC of the day after `t`: rolling ranges end there, so the bounds change once a day. */
const endOfDay = (t: number) => Math.floor(t / DAY) * DAY + DAY;

/** The period a range covers at `now` (epoch ms; custom needs its start and end). */
export function periodOf(range: TimeRange, now: number, custom?: { start?: number | null; end?: number | null }): Period {
  const end = endOfDay(now);
  switch (range) {
    case '7d':
      return { start: end - 7 * DAY, end };
    case '30d':
      return { start: end - 30 * DAY, end };
    case '90d':
      return { start: end - 90 * DAY, end };
    case '12m': {
      const d = new Date(end);
      return { start: Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()), end };
    }
    case 'custom':
      if (custom?.start != null && custom.end != null && custom.start < custom.end)
        return { start: custom.start, end: custom.end };
      return { start: end - 30 * DAY, end };
  }
}

/** The period of the same length just before `p`: what "change" compares with. */
export function previousPeriod(p: Period): Period {
  return { start: p.start - (p.end - p.start), end: p.start };
}
