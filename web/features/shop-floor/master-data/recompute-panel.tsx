import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createSignal, Show } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import { DAY_MS } from '../../../../shared/shop-floor/instants.ts';
import { RANGE_DAYS_MAX } from '../../../../shared/shop-floor/recompute.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { queries } from '../../../../sync/queries.ts';
import { FormError } from '../../../components/form-error.tsx';
import { JobRunList } from '../../../components/job-runs.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = () => isoDay(Date.now());

function DayField(props: { label: string; name: string; value: string; onInput: (day: string) => void }) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      <input
        class="field-input"
        type="date"
        name={props.name}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}

/**
 * Recompute KPIs after a master-data change (a shift's breaks, a reason
 * code's kind): pick the shift dates, start it (managers and up), and follow
 * every run's progress live, as every member does.
 */
export function RecomputePanel() {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const canStart = () => can(org.role(), 'kpiRecompute', 'start');
  const [runs, details] = useQuery(() => queries.rollupRecomputes.recent({ orgID: org.orgID }));
  const [from, setFrom] = createSignal(isoDay(Date.now() - 89 * DAY_MS));
  const [to, setTo] = createSignal(today());
  const [error, setError] = createSignal<string>();
  const [starting, setStarting] = createSignal(false);

  const start = async (e: SubmitEvent) => {
    e.preventDefault();
    setStarting(true);
    const outcome = await mutate(
      mutators.rollupRecompute.start({ id: crypto.randomUUID(), from: Date.parse(from()), to: Date.parse(to()) }),
    );
    setStarting(false);
    setError(outcome.status === 'rejected' ? outcome.message : undefined);
  };

  return (
    <section class="panel" aria-labelledby="recompute-title">
      <h2 id="recompute-title">Recompute KPIs</h2>
      <p class="panel-hint">
        After changing a shift’s times or breaks, a downtime reason’s kind or a work order’s product, rebuild the stored KPIs of
        the shift dates it affects (up to {RANGE_DAYS_MAX} days at a time).
      </p>
      <Show when={canStart()}>
        <form class="form" onSubmit={(e) => void start(e)} noValidate>
          <div class="form-grid">
            <DayField label="From" name="from" value={from()} onInput={setFrom} />
            <DayField label="To" name="to" value={to()} onInput={setTo} />
          </div>
          <FormError message={error()} />
          <div class="form-actions">
            <Button type="submit" class="button button-primary" disabled={starting()}>
              Start recompute
            </Button>
          </div>
        </form>
      </Show>
      <QueryError details={details()} what="the recomputes" />
      <Show
        when={runs().length > 0}
        fallback={
          <p class="panel-hint">{details().type === 'unknown' ? 'Loading the runs…' : 'No recompute has been run yet.'}</p>
        }
      >
        <JobRunList
          label="Recomputes"
          dateTime={(ms) => fmt().dateTime(ms)}
          runs={runs().map((run) => ({
            id: run.id,
            title: `${isoDay(run.fromDate)} to ${isoDay(run.toDate)}`,
            requester: run.requester?.name ?? 'someone',
            requestedAt: run.requestedAt,
            status: run.status,
            done: run.processed,
            total: run.total,
            progressText: `${run.processed} of ${run.total} days`,
            progressLabel: `Progress of the recompute from ${isoDay(run.fromDate)} to ${isoDay(run.toDate)}`,
            error: run.error,
          }))}
        />
      </Show>
    </section>
  );
}
