const DAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];
const MACROS: Record<string, string> = {
  '@hourly': 'every hour, on the hour',
  '@daily': 'every day at 00:00',
  '@midnight': 'every day at 00:00',
  '@weekly': 'Sundays at 00:00',
  '@monthly': 'on the 1st of every month at 00:00',
  '@yearly': 'on 1 January at 00:00',
  '@annually': 'on 1 January at 00:00',
};

const twoDigits = (n: string) => n.padStart(2, '0');
const isNumber = (s: string | undefined): s is string => s !== undefined && /^\d+$/.test(s);

/**
 * A cron expression in plain words, for the common shapes ("0 8 * * 1" ->
 * "Mondays at 08:00"); anything else gets the fields' names. The server
 * decides whether an expression is valid; this only helps read it.
 */
export function describeCron(cron: string): string {
  const text = cron.trim();
  if (MACROS[text]) return MACROS[text];
  const [minute, hour, dom, month, dow, ...rest] = text.split(/\s+/);
  if (rest.length > 0 || dow === undefined) return 'Five fields: minute, hour, day of month, month, day of week.';
  const time = isNumber(minute) && isNumber(hour) ? `${twoDigits(hour)}:${twoDigits(minute)}` : null;
  if (time && month === '*') {
    if (dom === '*' && dow === '*') return `Every day at ${time}`;
    if (dom === '*' && dow === '1-5') return `Weekdays at ${time}`;
    if (dom === '*' && /^[0-7](,[0-7])*$/.test(dow))
      return `${dow
        .split(',')
        .map((d) => DAYS[Number(d) % 7])
        .join(', ')} at ${time}`;
    if (isNumber(dom) && dow === '*') return `On day ${dom} of every month at ${time}`;
  }
  if (minute?.startsWith('*/') && hour === '*' && dom === '*' && month === '*' && dow === '*')
    return `Every ${minute.slice(2)} minutes`;
  return `At minute ${minute}, hour ${hour}, day of month ${dom}, month ${month}, day of week ${dow}`;
}
