import { CronExpressionParser } from 'cron-parser';

/**
 * Cron expressions of report schedules, read by cron-parser (the parser
 * pg-boss's own scheduler uses, so the queue and the schedules agree on what
 * an expression means), in the schedule's IANA time zone: "0 8 * * 1" in
 * Europe/Berlin is 08:00 Berlin time, summer or winter.
 *
 * Five fields (minute hour day-of-month month day-of-week) or a macro such as
 * @daily: the schedules are checked once a minute, so a seconds field would
 * promise what is not kept.
 */
const FIELDS = 5;

/** Why `cron` cannot be a schedule, or null when it can. */
export function cronProblem(cron: string): string | null {
  const text = cron.trim();
  if (!text.startsWith('@') && text.split(/\s+/).length !== FIELDS) {
    return `cron must have five fields (minute hour day-of-month month day-of-week), e.g. "0 8 * * 1" for Mondays at 08:00; “${cron}” has ${text.split(/\s+/).filter(Boolean).length}`;
  }
  try {
    CronExpressionParser.parse(text, { strict: false });
    return null;
  } catch (err) {
    return `cron is not a valid cron expression (${(err as Error).message}); e.g. "0 8 * * 1" for Mondays at 08:00`;
  }
}

/** The first run of `cron` in `timeZone` strictly after `after`. */
export function nextRun(cron: string, timeZone: string, after: Date): Date {
  return CronExpressionParser.parse(cron.trim(), { currentDate: after, tz: timeZone }).next().toDate();
}
