import { Button } from '@kobalte/core/button';
import { Show } from 'solid-js';
import { z } from 'zod';
import {
  REPORT_FORMATS,
  REPORT_LABELS,
  REPORT_NAMES,
  type ReportFormat,
  type ReportName,
} from '../../../shared/report-email/reports.ts';
import { FormError } from '../../components/form-error.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { showToast } from '../../components/toast.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { issueFieldErrors } from '../../lib/forms.ts';
import { describeCron } from './cron-hint.ts';
import { createSchedule } from './report-email-api.ts';

const FIELDS = ['report', 'format', 'accountId', 'date', 'line', 'recipients', 'cron', 'timezone'] as const;
type Field = (typeof FIELDS)[number];

const splitAddresses = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

// The server checks everything again (cron, time zone, each address); this catches the obvious before a round trip.
const scheduleInput = z
  .object({
    report: z.enum(REPORT_NAMES),
    format: z.enum(REPORT_FORMATS),
    accountId: z.string().trim(),
    date: z.string().trim(),
    line: z.string().trim(),
    recipients: z
      .string()
      .refine((t) => splitAddresses(t).length > 0, 'Name at least one address')
      .refine(
        (t) => splitAddresses(t).every((a) => z.email().safeParse(a).success),
        'Separate addresses with commas, e.g. ops@example.com',
      ),
    cron: z.string().trim().min(1, 'Say when, e.g. 0 8 * * 1'),
    timezone: z.string().trim().min(1, 'Name a time zone such as Europe/Berlin'),
  })
  .superRefine((v, ctx) => {
    if (v.report === 'account-health' && !v.accountId)
      ctx.addIssue({ code: 'custom', path: ['accountId'], message: 'The account health report needs an account id' });
    if (v.report === 'production-daily' && !v.date)
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'The daily production report needs a date' });
  });

function paramsOf(v: z.infer<typeof scheduleInput>): Record<string, string> {
  if (v.report === 'account-health') return { accountId: v.accountId };
  if (v.report === 'production-daily') return v.line ? { date: v.date, line: v.line } : { date: v.date };
  return {};
}

/** Adds a schedule: report, format, its parameters, recipients, cron (read back in words) and time zone. */
export function ScheduleForm(props: { orgID: string; timeZone: string }) {
  const form = createFormState({
    fields: FIELDS,
    initial: {
      report: 'kpis',
      format: 'xlsx',
      accountId: '',
      date: '',
      line: '',
      recipients: '',
      cron: '0 8 * * 1',
      timezone: props.timeZone,
    },
    parse: (v) => scheduleInput.safeParse(v),
  });
  const submit = createSubmit(form, {
    action: async (data) => {
      const made = await createSchedule(props.orgID, {
        report: data.report,
        format: data.format,
        params: paramsOf(data),
        recipients: splitAddresses(data.recipients),
        cron: data.cron,
        timezone: data.timezone,
      });
      showToast({
        title: 'Report scheduled',
        description: `First send: ${new Date(made.nextRun).toLocaleString()}`,
        tone: 'success',
      });
      form.reset();
    },
    fieldErrors: (err) => {
      const mapped = issueFieldErrors<Field>(err.details, FIELDS);
      return Object.keys(mapped.fields).length ? mapped.fields : undefined;
    },
  });
  const report = () => form.values().report as ReportName;

  return (
    <form class="form" onSubmit={submit.onSubmit} noValidate aria-labelledby="schedule-create-title">
      <h3 id="schedule-create-title">Schedule a report</h3>
      <FormError message={submit.error()} />
      <div class="form-grid">
        <SelectField
          label="Report"
          options={REPORT_NAMES.map((r) => ({ value: r, label: REPORT_LABELS[r] }))}
          {...form.bind('report')}
        />
        <SelectField
          label="Format"
          options={REPORT_FORMATS.map((f: ReportFormat) => ({ value: f, label: f.toUpperCase() }))}
          {...form.bind('format')}
        />
        <Show when={report() === 'account-health'}>
          <TextInput label="Account id" autocomplete="off" {...form.bind('accountId')} />
        </Show>
        <Show when={report() === 'production-daily'}>
          <TextInput label="Date" type="date" {...form.bind('date')} />
          <TextInput label="Line (optional)" autocomplete="off" {...form.bind('line')} />
        </Show>
        <TextInput
          label="Recipients"
          type="text"
          autocomplete="off"
          description="E-mail addresses, separated by commas"
          {...form.bind('recipients')}
        />
        <TextInput
          label="When (cron)"
          autocomplete="off"
          description={`${describeCron(form.values().cron)}. Fields: minute hour day-of-month month day-of-week.`}
          {...form.bind('cron')}
        />
        <TextInput
          label="Time zone"
          autocomplete="off"
          description="An IANA name, e.g. Europe/Berlin"
          {...form.bind('timezone')}
        />
      </div>
      <div>
        <Button type="submit" class="button button-primary" disabled={submit.busy() || submit.blocked()}>
          {submit.busy() ? 'Scheduling…' : 'Schedule'}
        </Button>
      </div>
    </form>
  );
}
