import { useQuery } from '@rocicorp/zero/solid';
import { For, Show } from 'solid-js';
import { REPORT_LABELS } from '../../../shared/report-email/reports.ts';
import { queries } from '../../../sync/queries.ts';
import { QueryError } from '../../components/query-error.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { SEND_STATUS } from './send-status.ts';

/** The send log (admins): every send, live, with the SMTP server's answer or the error. */
export function SendLog() {
  const org = useCurrentOrganization();
  const [sends, details] = useQuery(() => queries.reportSends.recent({ orgID: org.orgID }));
  return (
    <section class="panel" aria-labelledby="send-log-title">
      <h2 id="send-log-title">Send log</h2>
      <QueryError details={details()} what="the send log" />
      <Show
        when={sends().length > 0}
        fallback={<p class="panel-hint">{details().type === 'complete' ? 'Nothing sent yet.' : 'Loading the send log…'}</p>}
      >
        <ul class="row-list" aria-label="Send log">
          <For each={sends()}>
            {(s) => (
              <li class="row" aria-label={`${REPORT_LABELS[s.report]}: ${SEND_STATUS[s.status].label}`}>
                <div class="row-main">
                  <span class="row-title">
                    {REPORT_LABELS[s.report]} ({s.format.toUpperCase()}) to {s.recipients.join(', ')}
                  </span>
                  <span class="row-meta">
                    {org.formats().dateTime(s.sentAt ?? s.createdAt)} ·{' '}
                    {s.scheduleID && s.dueAt ? 'scheduled' : 'sent on request'}
                    {s.requester?.name ? ` · as ${s.requester.name}` : ''}
                    {s.smtpResponse ? ` · ${s.smtpResponse}` : ''}
                    {s.error ? ` · ${s.error}` : ''}
                  </span>
                </div>
                <StatusBadge {...SEND_STATUS[s.status]} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
