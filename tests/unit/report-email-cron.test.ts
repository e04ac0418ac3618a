import { describe, expect, test } from 'vitest';
import { cronProblem, nextRun } from '../../server/report-email/cron.ts';
import { describeCron } from '../../web/features/report-email/cron-hint.ts';

describe('report schedules: cron expressions', () => {
  test('five fields or a macro; seconds fields and nonsense are refused with an example', () => {
    expect(cronProblem('0 8 * * 1')).toBeNull();
    expect(cronProblem('*/15 6-18 * * 1-5')).toBeNull();
    expect(cronProblem('@daily')).toBeNull();
    expect(cronProblem('0 0 8 * * 1')).toMatch(/five fields.*has 6/);
    expect(cronProblem('every monday')).toMatch(/five fields/);
    expect(cronProblem('61 8 * * *')).toMatch(/not a valid cron expression.*0 8 \* \* 1/);
  });

  test('the next run is read in the schedule’s zone, across the clocks changing', () => {
    // Berlin leaves summer time on 25 October 2026: 08:00 is 06:00 UTC before, 07:00 UTC after.
    expect(nextRun('0 8 * * *', 'Europe/Berlin', new Date('2026-10-24T07:00:00Z')).toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
    expect(nextRun('0 8 * * *', 'Europe/Berlin', new Date('2026-10-23T07:00:00Z')).toISOString()).toBe(
      '2026-10-24T06:00:00.000Z',
    );
    // Strictly after: a run due now is not due again.
    expect(nextRun('30 7 * * *', 'UTC', new Date('2026-12-03T07:30:00Z')).toISOString()).toBe('2026-12-04T07:30:00.000Z');
  });

  test('the form reads common expressions back in words', () => {
    expect(describeCron('0 8 * * 1')).toBe('Mondays at 08:00');
    expect(describeCron('30 7 * * 1-5')).toBe('Weekdays at 07:30');
    expect(describeCron('0 6 1 * *')).toBe('On day 1 of every month at 06:00');
    expect(describeCron('*/10 * * * *')).toBe('Every 10 minutes');
    expect(describeCron('@weekly')).toBe('Sundays at 00:00');
  });
});
