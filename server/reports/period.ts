import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { DAY_MS } from '../../shared/shop-floor/instants.ts';
import { fileNamePart, type ReportModel } from './model.ts';
import { organizationName, type ReportRead } from './tenant-read.ts';

/** The longest period a report covers. */
export const MAX_PERIOD_DAYS = 731;

const day = (label: string) => z.iso.date({ error: `${label} must be a date, YYYY-MM-DD` });

/** `from` and `to`, both optional days (YYYY-MM-DD), both included. */
export const periodParams = {
  from: day('from').optional(),
  to: day('to').optional(),
};

/** A period of whole UTC days: `start` and `end` are the first and last days' midnights (epoch ms). */
export interface Period {
  from: string;
  to: string;
  start: number;
  end: number;
  label: string;
}

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const badParam = (param: string, msg: string) =>
  new AppError('VALIDATION_FAILED', msg, [{ loc: ['query', param], msg, type: 'value_error' }]);

/** One day as a period. */
export function dayPeriod(date: string): Period {
  const start = Date.parse(date);
  return { from: date, to: date, start, end: start, label: date };
}

/** The period asked for; `defaultDays` up to today (or up to `to`) when `from` is left out. */
export function rangeOf(
  params: { from?: string | undefined; to?: string | undefined },
  now: number,
  defaultDays: number,
): Period {
  const to = params.to ?? isoDay(now);
  const from = params.from ?? isoDay(Date.parse(to) - (defaultDays - 1) * DAY_MS);
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (end < start) throw badParam('to', `to (${to}) is before from (${from}); give a later to or an earlier from`);
  const days = (end - start) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS)
    throw badParam('to', `The period ${from} to ${to} is ${days} days; ask for at most ${MAX_PERIOD_DAYS}`);
  return { from, to, start, end, label: from === to ? from : `${from} to ${to}` };
}

/** The parts of a report's model every report fills the same way: names, period, time and file name. */
export async function reportHeader(
  r: ReportRead,
  names: { title: string; fileTitle: string; fileDate: string },
  period: Period,
  now: number,
): Promise<Pick<ReportModel, 'title' | 'organization' | 'period' | 'generatedAt' | 'fileStem'>> {
  const organization = await organizationName(r);
  return {
    title: names.title,
    organization,
    period: { from: period.from, to: period.to, label: period.label },
    generatedAt: now,
    fileStem: `${fileNamePart(organization)}_${names.fileTitle}_${names.fileDate}`,
  };
}
