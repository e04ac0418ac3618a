import { Button } from '@kobalte/core/button';
import { createSignal, onCleanup } from 'solid-js';
import { dataPointFields, dataPointInput } from '../../../../shared/kpi.ts';
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

/** The quick "type a number, press Enter" form on each KPI card. */
export function AddDataPointForm(props: { kpi: Kpi }) {
  const fmt = useFormats();
  // "1,234.5" or "1.234,5", as the organization writes numbers (shared/numbers.ts reads every form's numbers).
  const form = createFormState({
    fields: ['value'],
    initial: { value: '' },
    parse: (v) => dataPointInput.extend({ value: numberText(dataPointFields.value, fmt().decimal) }).safeParse(v),
  });
  const [status, setStatus] = createSignal('');
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(statusTimer));

  const say = (text: string) => {
    setStatus(text);
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => setStatus(''), 4000);
  };

  // A refusal already shows as a toast (see mutate); only a message about the value is repeated here.
  const submit = createSubmit(form, {
    action: async (data) => {
      const outcome = await mutate(mutators.dataPoint.add({ id: crypto.randomUUID(), kpiID: props.kpi.id, value: data.value }));
      if (outcome.status === 'rejected') {
        const mapped = issueFieldErrors(outcome.issues, ['value'] as const);
        return mapped.fields.value ? { fields: mapped.fields } : {};
      }
      form.reset();
      say(outcome.status === 'saved' ? 'Saved.' : 'Saved on this device, waiting to sync.');
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    setStatus('');
    void submit.onSubmit(event);
  };

  return (
    <form class="add-point" onSubmit={onSubmit} noValidate>
      <FormError message={submit.error()} />
      <TextInput
        class="add-point-field"
        label="Value"
        inputMode="decimal"
        autocomplete="off"
        placeholder={props.kpi.unit ? `New value (${props.kpi.unit})` : 'New value'}
        {...form.bind('value')}
      />
      <Button
        type="submit"
        class="button button-primary add-point-submit"
        aria-label={`Add data point to ${props.kpi.name}`}
        disabled={submit.busy() || submit.blocked()}
      >
        Add
      </Button>
      <p class="add-point-status" aria-live="polite">
        {status()}
      </p>
    </form>
  );
}
