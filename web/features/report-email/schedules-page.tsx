import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createResource, For, Show } from 'solid-js';
import { REPORT_LABELS } from '../../../shared/report-email/reports.ts';
import { can } from '../../../shared/roles.ts';
import { queries } from '../../../sync/queries.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { showToast } from '../../components/toast.tsx';
import { errorMessage } from '../../lib/api.ts';
import { loadConfig } from '../../lib/config.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { RoleGate } from '../workspace/role-gate.tsx';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { describeCron } from './cron-hint.ts';
import { deleteSchedule, sendNow } from './report-email-api.ts';
import { ScheduleForm } from './schedule-form.tsx';
import { SendLog } from './send-log.tsx';
import { SEND_STATUS } from './send-status.ts';

/** `/settings/reports`: reports e-mailed on a schedule, live; "send now"; the send log for admins. */
export function SchedulesPage() {
  const org = useCurrentOrganization();
  const [config] = createResource(loadConfig);
  const [schedules, details] = useQuery(() => queries.reportSchedules.list({ orgID: org.orgID }));
  const canCreate = () => can(org.role(), 'reportSchedule', 'create');

  const run = async (id: string) => {
    try {
      await sendNow(org.orgID, id);
      showToast({ title: 'Sending the report', description: 'Its outcome shows here and in the send log.', tone: 'success' });
    } catch (err) {
      showToast({ title: 'Could not send the report', description: errorMessage(err), tone: 'error' });
    }
  };
  const remove = async (id: string) => {
    try {
      await deleteSchedule(org.orgID, id);
      return true;
    } catch (err) {
      showToast({ title: 'Could not delete the schedule', description: errorMessage(err), tone: 'error' });
      return false;
    }
  };

  return (
    <WorkspacePage title="Report e-mail" headingId="report-email-title" subtitle="Reports sent as attachments on a schedule.">
      <Show when={config.state === 'ready' && config()?.mailConfigured === false}>
        <p class="notice-inline" role="status">
          Mail is not configured on this server (SMTP_URL is unset): schedules run, but nothing is sent, and each send is logged
          as “not sent”.
        </p>
      </Show>
      <RoleGate allowed={can(org.role(), 'reportSchedule', 'read')} action="schedule report e-mails">
        <section class="panel" aria-labelledby="schedules-title">
          <h2 id="schedules-title">Schedules</h2>
          <QueryError details={details()} what="the schedules" />
          <Show
            when={schedules().length > 0}
            fallback={<p class="panel-hint">{details().type === 'complete' ? 'No schedules yet.' : 'Loading schedules…'}</p>}
          >
            <ul class="row-list" aria-label="Schedules">
              <For each={schedules()}>
                {(s) => (
                  <li class="row" aria-label={`${REPORT_LABELS[s.report]} to ${s.recipients.join(', ')}`}>
                    <div class="row-main">
                      <span class="row-title">
                        {REPORT_LABELS[s.report]} ({s.format.toUpperCase()}) to {s.recipients.join(', ')}
                      </span>
                      <span class="row-meta">
                        {describeCron(s.cron)} ({s.timezone}) · next {org.formats().dateTime(s.nextRunAt)}
                      </span>
                    </div>
                    <Show when={s.lastStatus}>{(st) => <StatusBadge {...SEND_STATUS[st()]} prefix="Last send" />}</Show>
                    <Show when={can(org.role(), 'reportSchedule', 'run')}>
                      <Button class="button button-small" onClick={() => run(s.id)}>
                        Send now
                      </Button>
                    </Show>
                    <Show when={can(org.role(), 'reportSchedule', 'delete')}>
                      <ConfirmButton
                        label="Delete"
                        ariaLabel={`Delete schedule ${REPORT_LABELS[s.report]}`}
                        title="Delete this schedule?"
                        description="No more sends; the send log keeps the past ones."
                        confirmLabel="Delete"
                        busyLabel="Deleting…"
                        onConfirm={() => remove(s.id)}
                      />
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={canCreate()}>
            <ScheduleForm orgID={org.orgID} timeZone={org.timeZone()} />
          </Show>
        </section>
      </RoleGate>
      <Show when={can(org.role(), 'reportSend', 'read')}>
        <SendLog />
      </Show>
    </WorkspacePage>
  );
}
