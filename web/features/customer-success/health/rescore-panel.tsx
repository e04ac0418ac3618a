import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, createSignal, Show } from 'solid-js';
import { monthOf } from '../../../../shared/health/breakdown.ts';
import { can } from '../../../../shared/roles.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { queries } from '../../../../sync/queries.ts';
import { FormError } from '../../../components/form-error.tsx';
import { JobRunList } from '../../../components/job-runs.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';

/** The month `back` months before the current one ('YYYY-MM'). */
const monthsBack = (back: number) => {
  const now = new Date();
  return monthOf(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
};

/** A month picker ('YYYY-MM'), up to the current month. */
function MonthField(props: { label: string; name: string; value: string; onInput: (month: string) => void }) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      <input
        class="field-input"
        type="month"
        name={props.name}
        value={props.value}
        max={monthsBack(0)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}

/**
 * Re-score past months: choose the months and the configuration version
 * (the current one, an earlier one, or the defaults), start it (managers and
 * up), and follow every run's progress live, as every member does.
 */
export function RescorePanel() {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const canStart = () => can(org.role(), 'healthRescore', 'start');
  const [versions] = useQuery(() => queries.health.versions({ orgID: org.orgID, limit: 500 }));
  const [runs, details] = useQuery(() => queries.health.rescores({ orgID: org.orgID }));
  const [from, setFrom] = createSignal(monthsBack(11));
  const [to, setTo] = createSignal(monthsBack(0));
  const [version, setVersion] = createSignal('current');
  const [error, setError] = createSignal<string>();
  const [starting, setStarting] = createSignal(false);

  const versionOptions = createMemo(() => [
    { value: 'current', label: `The current configuration${versions()[0] ? ` (v${versions()[0]?.version})` : ''}` },
    ...versions()
      .slice(1)
      .map((v) => ({ value: String(v.version), label: `v${v.version}, ${fmt().dateTime(v.changedAt)}` })),
    { value: '0', label: 'The defaults (v0: no ranges, default weights)' },
  ]);

  const start = async (e: SubmitEvent) => {
    e.preventDefault();
    setStarting(true);
    const configVersion = version() === 'current' ? null : Number(version());
    const outcome = await mutate(
      mutators.healthRescore.start({ id: crypto.randomUUID(), from: from(), to: to(), configVersion }),
    );
    setStarting(false);
    setError(outcome.status === 'rejected' ? outcome.message : undefined);
  };

  return (
    <section class="panel" aria-labelledby="rescore-title">
      <h2 id="rescore-title">Re-score past months</h2>
      <p class="panel-hint">
        Recomputes every active account’s monthly health from the data as it was at each month’s end, under the configuration you
        choose.
      </p>
      <Show when={canStart()}>
        <form class="form" onSubmit={(e) => void start(e)} noValidate>
          <div class="form-grid">
            <MonthField label="From month" name="from" value={from()} onInput={setFrom} />
            <MonthField label="To month" name="to" value={to()} onInput={setTo} />
            <SelectField
              label="Configuration"
              name="configVersion"
              options={versionOptions()}
              value={version()}
              onChange={setVersion}
            />
          </div>
          <FormError message={error()} />
          <div class="form-actions">
            <Button type="submit" class="button button-primary" disabled={starting()}>
              Start re-score
            </Button>
          </div>
        </form>
      </Show>
      <QueryError details={details()} what="the re-score runs" />
      <Show
        when={runs().length > 0}
        fallback={
          <p class="panel-hint">{details().type === 'unknown' ? 'Loading the runs…' : 'No re-score has been run yet.'}</p>
        }
      >
        <JobRunList
          label="Re-score runs"
          dateTime={(ms) => fmt().dateTime(ms)}
          runs={runs().map((run) => ({
            id: run.id,
            title: `${run.fromMonth} to ${run.toMonth}`,
            detail: ` under ${run.configVersion === 0 ? 'the defaults' : `v${run.configVersion}`}`,
            requester: run.requester?.name ?? 'someone',
            requestedAt: run.requestedAt,
            status: run.status,
            done: run.done,
            total: run.total,
            progressText:
              run.total > 0
                ? `${run.done} of ${run.total} account-months`
                : run.status === 'done'
                  ? 'No active account'
                  : 'Waiting to start',
            progressLabel: `Progress of the re-score from ${run.fromMonth} to ${run.toMonth}`,
            error: run.error,
          }))}
        />
      </Show>
    </section>
  );
}
