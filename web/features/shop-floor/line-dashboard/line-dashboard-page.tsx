import { useSearchParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { dayOfIso, daysBefore, isoDay, isTimeZone } from '../../../../shared/shop-floor/zoned-day.ts';
import { ChatPanel } from '../../chat/chat-panel.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { ReportDownloads } from '../../reports/report-downloads.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { type DashboardFilter, useMinuteClock, useToday } from './dashboard-data.ts';
import { DashboardFilters } from './dashboard-filters.tsx';
import { LineDashboardBody } from './line-dashboard-body.tsx';
import { LineDashboardTv } from './tv-view.tsx';

/** The longest range one view computes (the KPIs are derived in the browser). */
const MAX_DAYS = 92;
const DEFAULT_DAYS = 7;

type Params = { line?: string; shift?: string; from?: string; to?: string; est?: string; tv?: string; tz?: string };

/**
 * `/shop-floor`: the live line dashboard. OEE and its factors, efficiency,
 * on-time delivery and defective PPM by day and shift, today's units per
 * line, a downtime Pareto, estimates badged. Filters live in the URL
 * (`?line=&shift=&from=&to=&est=0`); `?tv=1` is the wall-screen view
 * (`&every=20` seconds per line, `&lines=all` for every line at once);
 * "today" is read in the organization's time zone (Settings), whatever zone
 * the device is in; `?tz=Europe/Berlin` reads it in another zone.
 */
export function LineDashboardPage() {
  const org = useCurrentOrganization();
  const [params, setParams] = useSearchParams<Params>();
  const now = useMinuteClock();
  const timeZone = () => (params.tz && isTimeZone(params.tz) ? params.tz : org.timeZone());
  const today = useToday(timeZone, now);

  const range = createMemo(() => {
    const fallback = { to: today(), from: daysBefore(today(), DEFAULT_DAYS - 1) };
    const to = dayOfIso(params.to) ?? fallback.to;
    const from = dayOfIso(params.from) ?? daysBefore(to, DEFAULT_DAYS - 1);
    if (from > to) return { ...fallback, error: 'From must be on or before To: showing the last 7 days' };
    if (to - from > MAX_DAYS * 86_400_000)
      return { ...fallback, error: `A range is at most ${MAX_DAYS} days: showing the last 7 days` };
    return { from, to, error: undefined };
  });
  const filter = (): DashboardFilter => ({
    from: range().from,
    to: range().to,
    lineID: params.line || undefined,
    shiftID: params.shift || undefined,
  });
  const withEstimates = () => params.est !== '0';
  const tvHref = () => `/shop-floor?tv=1${params.tz ? `&tz=${encodeURIComponent(params.tz)}` : ''}`;

  return (
    <Show
      when={params.tv !== '1'}
      fallback={<LineDashboardTv orgID={org.orgID} timeZone={timeZone()} today={today()} now={now()} />}
    >
      <WorkspacePage
        title="Line dashboard"
        headingId="line-dashboard-title"
        subtitle="OEE, its factors and output per line and shift, live as the floor enters production."
        actions={
          // The daily report of the range's last day (today by default), for the line chosen.
          <ReportDownloads
            report="production-daily"
            params={{ date: isoDay(range().to), line: params.line || undefined }}
            label={`Daily production report for ${isoDay(range().to)}`}
          />
        }
      >
        <LineDashboardBody
          orgID={org.orgID}
          filter={filter()}
          today={today()}
          timeZone={timeZone()}
          now={now()}
          withEstimates={withEstimates()}
          filters={(lines, shifts) => (
            <DashboardFilters
              lines={lines}
              shifts={shifts}
              lineID={params.line ?? ''}
              shiftID={params.shift ?? ''}
              from={isoDay(range().from)}
              to={isoDay(range().to)}
              withEstimates={withEstimates()}
              rangeError={range().error}
              tvHref={tvHref()}
              onChange={(patch) => setParams(patch, { replace: true })}
            />
          )}
        />
        <ChatPanel context={{ kind: 'line', id: params.line || 'all' }} />
      </WorkspacePage>
    </Show>
  );
}
