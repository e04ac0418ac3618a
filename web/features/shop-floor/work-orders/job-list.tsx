import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { z } from 'zod';
import { numberInputText, numberText } from '../../../../shared/numbers.ts';
import { can } from '../../../../shared/roles.ts';
import { isFinal, jobFields, type WorkOrderStatus } from '../../../../shared/shop-floor/work-orders.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { queries } from '../../../../sync/queries.ts';
import type { Job, Line } from '../../../../sync/schema.ts';
import { FormError } from '../../../components/form-error.tsx';
import { Modal } from '../../../components/modal.tsx';
import { SelectField, type SelectOption } from '../../../components/select-field.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { createFormState } from '../../../lib/form-state.ts';
import { createSubmit } from '../../../lib/form-submit.ts';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';
import { refusalOf } from '../refusal.ts';
import { WorkOrderStatusBadge } from './status.tsx';

const FIELDS = ['name', 'lineID', 'plannedQuantity'] as const;
type JobRow = Job & { readonly line?: { name: string } | undefined };

/** A job's name, line and planned quantity; an edit sends only what changed. */
function JobForm(props: { workOrderID: string; job: JobRow | undefined; lines: readonly Line[]; onDone: () => void }) {
  const org = useCurrentOrganization();
  const lines = () => props.lines;
  const snapshot = props.job ? { ...props.job } : undefined;
  const decimal = org.formats().decimal;
  const schema = z.object({ ...jobFields, plannedQuantity: numberText(jobFields.plannedQuantity, decimal) });
  const form = createFormState({
    fields: FIELDS,
    initial: {
      name: snapshot?.name ?? '',
      lineID: snapshot?.lineID ?? '',
      plannedQuantity: snapshot ? numberInputText(snapshot.plannedQuantity, decimal) : '',
    },
    parse: (v) => schema.safeParse(v),
  });
  const lineOptions = createMemo<SelectOption[]>(() =>
    lines()
      .filter((l) => l.archivedAt == null || l.id === snapshot?.lineID)
      .map((l) => ({ value: l.id, label: l.archivedAt == null ? l.name : `${l.name} (archived)` })),
  );
  const submit = createSubmit(form, {
    action: async (data) => {
      let outcome: Awaited<ReturnType<typeof mutate>>;
      if (snapshot) {
        const patch = Object.fromEntries(FIELDS.filter((k) => data[k] !== snapshot[k]).map((k) => [k, data[k]]));
        if (Object.keys(patch).length === 0) {
          props.onDone();
          return undefined;
        }
        outcome = await mutate(mutators.job.update({ id: snapshot.id, ...patch }));
      } else {
        outcome = await mutate(mutators.job.create({ id: crypto.randomUUID(), workOrderID: props.workOrderID, ...data }));
      }
      const refused = refusalOf(outcome, FIELDS);
      if (!refused) props.onDone();
      return refused;
    },
  });
  return (
    <form class="form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
      <FormError message={submit.error()} />
      <TextInput label="Name" autocomplete="off" required description="E.g. Assemble, Pack." {...form.bind('name')} />
      <SelectField label="Line" required placeholder="Choose a line" options={lineOptions()} {...form.bind('lineID')} />
      <TextInput label="Planned quantity" inputMode="numeric" autocomplete="off" required {...form.bind('plannedQuantity')} />
      <Show when={lines().length === 0}>
        <p class="panel-hint">No lines yet: a manager adds them in Settings, Shop floor.</p>
      </Show>
      <div class="dialog-actions">
        <Button type="button" class="button button-ghost" onClick={() => props.onDone()}>
          Cancel
        </Button>
        <Button type="submit" class="button button-primary" disabled={submit.busy() || submit.blocked()}>
          {submit.busy() ? 'Saving…' : snapshot ? 'Save job' : 'Add job'}
        </Button>
      </div>
    </form>
  );
}

/** The order's jobs (each on a line, its status the order's); managers add and edit them while the order is open. */
export function JobList(props: { workOrderID: string; status: WorkOrderStatus; jobs: readonly JobRow[] }) {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const [editing, setEditing] = createSignal<JobRow | 'new'>();
  // Read here, with the page, so the line choices are synced before the form opens.
  const [lines] = useQuery(() => queries.lines.list({ orgID: org.orgID }));
  const canAdd = () => can(org.role(), 'job', 'create') && !isFinal(props.status);
  const canEdit = () => can(org.role(), 'job', 'update');
  const close = () => setEditing(undefined);
  return (
    <section class="panel" aria-labelledby="wo-jobs-title">
      <div class="panel-head">
        <h2 id="wo-jobs-title">Jobs</h2>
        <Show when={canAdd()}>
          <button type="button" class="button button-secondary button-small" onClick={() => setEditing('new')}>
            Add job
          </button>
        </Show>
      </div>
      <Show when={props.jobs.length > 0} fallback={<p class="panel-hint">No jobs yet.</p>}>
        <table class="data-table stack-table">
          <caption class="visually-hidden">Jobs</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Line</th>
              <th scope="col" class="num">
                Planned quantity
              </th>
              <th scope="col">Status</th>
              <Show when={canEdit()}>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.jobs}>
              {(job) => (
                <tr data-job-id={job.id}>
                  <th scope="row">{job.name}</th>
                  <td data-label="Line">{job.line?.name ?? '—'}</td>
                  <td data-label="Planned quantity" class="num">
                    {fmt().number(job.plannedQuantity)}
                  </td>
                  <td data-label="Status">
                    <WorkOrderStatusBadge status={job.status} />
                  </td>
                  <Show when={canEdit()}>
                    <td>
                      <button
                        type="button"
                        class="button button-ghost button-small"
                        aria-label={`Edit job ${job.name}`}
                        onClick={() => setEditing(job)}
                      >
                        Edit
                      </button>
                    </td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Modal
        open={editing() !== undefined}
        onOpenChange={(open) => !open && close()}
        title={editing() === 'new' ? 'Add a job' : 'Edit job'}
        initialFocus='input[name="name"]'
      >
        <JobForm
          workOrderID={props.workOrderID}
          job={editing() === 'new' ? undefined : (editing() as JobRow | undefined)}
          lines={lines()}
          onDone={close}
        />
      </Modal>
    </section>
  );
}
