import { Button } from '@kobalte/core/button';
import { createSignal, onCleanup, Show } from 'solid-js';
import { dataPointFields, dataPointInput, NOTE_MAX } from '../../../../shared/kpi.ts';
import { numberText } from '../../../../shared/numbers.ts';
import { mutators } from '../../../../sync/mutators.ts';
import type { Kpi } from '../../../../sync/schema.ts';
import { FormError } from '../../../components/form-error.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { createFormState } from '../../../lib/form-state.ts';
import { createSubmit } from '../../../lib/form-submit.ts';
import { issueFieldErrors } from '../../../lib/forms.ts';
import { useFormats } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';
import { fromDateTimeLocal, toDateTimeLocal } from '../format.ts';

const FIELDS = ['value', 'recordedAt', 'note'] as const;

/**
 * "Add data point" on the KPI page: a value, and optionally when it was
 * measured (back-dating is fine) and a note. Disabled, with the reason, when
 * the KPI is archived.
 */
export function AddPointPanel(props: { kpi: Kpi; disabledReason?: string | undefined }) {
  const fmt = useFormats();
  const form = createFormState({
    fields: FIELDS,
    initial: { value: '', recordedAt: '', note: '' },
    parse: (v) =>
      dataPointInput
        .extend({ value: numberText(dataPointFields.value, fmt().decimal) })
        .safeParse({ value: v.value, recordedAt: fromDateTimeLocal(v.recordedAt), note: v.note }),
  });
  const [status, setStatus] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const submit = createSubmit(form, {
    action: async (data) => {
      setStatus('');
      const outcome = await mutate(
        mutators.dataPoint.add({
          id: crypto.randomUUID(),
          kpiID: props.kpi.id,
          value: data.value,
          note: data.note,
          ...(data.recordedAt === undefined ? {} : { recordedAt: data.recordedAt }),
        }),
      );
      if (outcome.status === 'rejected') {
        const mapped = issueFieldErrors(outcome.issues, FIELDS);
        return Object.keys(mapped.fields).length ? { fields: mapped.fields } : {};
      }
      form.reset();
      setStatus(outcome.status === 'saved' ? 'Data point added.' : 'Saved on this device, waiting to sync.');
      clearTimeout(timer);
      timer = setTimeout(() => setStatus(''), 4000);
    },
  });

  return (
    <section class="panel" aria-labelledby="add-point-title">
      <h2 id="add-point-title">Add a data point</h2>
      <Show when={props.disabledReason}>
        <p class="panel-hint" id="add-point-disabled">
          {props.disabledReason}
        </p>
      </Show>
      <form class="form add-point-form" onSubmit={submit.onSubmit} noValidate aria-labelledby="add-point-title">
        <FormError message={submit.error()} />
        <fieldset
          class="plain-fieldset"
          disabled={!!props.disabledReason}
          aria-describedby={props.disabledReason ? 'add-point-disabled' : undefined}
        >
          <div class="form-grid">
            <TextInput
              label={props.kpi.unit ? `Value (${props.kpi.unit})` : 'Value'}
              inputMode="decimal"
              autocomplete="off"
              required
              {...form.bind('value')}
            />
            <TextInput
              label="Time"
              type="datetime-local"
              description="Leave empty for now; earlier times are fine."
              max={toDateTimeLocal(Date.now() + 60_000)}
              {...form.bind('recordedAt')}
            />
          </div>
          <TextInput
            label="Note"
            autocomplete="off"
            description={`Optional, up to ${NOTE_MAX} characters.`}
            {...form.bind('note')}
          />
          <div class="form-actions">
            <Button
              type="submit"
              class="button button-primary"
              disabled={submit.busy() || submit.blocked() || !!props.disabledReason}
            >
              Add data point
            </Button>
            <p class="add-point-status" aria-live="polite">
              {status()}
            </p>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
