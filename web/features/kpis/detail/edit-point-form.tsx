import { Button } from '@kobalte/core/button';
import { onMount } from 'solid-js';
import { dataPointFields, dataPointPatch } from '../../../../shared/kpi.ts';
import { numberInputText, numberText } from '../../../../shared/numbers.ts';
import { mutators } from '../../../../sync/mutators.ts';
import type { DataPoint } from '../../../../sync/schema.ts';
import { FormError } from '../../../components/form-error.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { createFormState } from '../../../lib/form-state.ts';
import { createSubmit } from '../../../lib/form-submit.ts';
import { issueFieldErrors } from '../../../lib/forms.ts';
import { useWriteAccess } from '../../../lib/write-access.ts';
import { useFormats } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';
import { fromDateTimeLocal, toDateTimeLocal } from '../format.ts';

const FIELDS = ['value', 'recordedAt', 'note'] as const;

/** Inline correction of one data point: value, time and note. Sends only what changed. */
export function EditPointForm(props: { point: DataPoint; label: string; onDone: () => void }) {
  // Open is in use: a role change leaves the row's form in place until Cancel.
  useWriteAccess()?.holdWhile(() => true);
  const snapshot = { ...props.point };
  const decimal = useFormats()().decimal;
  const form = createFormState({
    fields: FIELDS,
    initial: {
      value: numberInputText(snapshot.value, decimal),
      recordedAt: toDateTimeLocal(snapshot.recordedAt),
      note: snapshot.note,
    },
    parse: (v) =>
      dataPointPatch
        .required({ value: true, recordedAt: true, note: true })
        .extend({ value: numberText(dataPointFields.value, decimal) })
        .safeParse({ value: v.value, recordedAt: fromDateTimeLocal(v.recordedAt), note: v.note }),
  });
  const submit = createSubmit(form, {
    action: async (data) => {
      const patch: { value?: number; recordedAt?: number; note?: string } = {};
      if (data.value !== snapshot.value) patch.value = data.value;
      // The input has minute precision: only a changed minute moves the point.
      if (toDateTimeLocal(data.recordedAt) !== toDateTimeLocal(snapshot.recordedAt)) patch.recordedAt = data.recordedAt;
      if (data.note !== snapshot.note) patch.note = data.note;
      if (Object.keys(patch).length === 0) {
        props.onDone();
        return undefined;
      }
      const outcome = await mutate(mutators.dataPoint.update({ id: snapshot.id, ...patch }));
      if (outcome.status === 'rejected') {
        const mapped = issueFieldErrors(outcome.issues, FIELDS);
        return Object.keys(mapped.fields).length ? { fields: mapped.fields } : { message: outcome.message };
      }
      props.onDone();
      return undefined;
    },
  });
  onMount(() => form.focus('value'));

  return (
    <form
      class="edit-point-form"
      onSubmit={submit.onSubmit}
      onKeyDown={(e) => e.key === 'Escape' && props.onDone()}
      noValidate
      aria-label={props.label}
    >
      <FormError message={submit.error()} />
      <TextInput label="Value" inputMode="decimal" autocomplete="off" required {...form.bind('value')} />
      <TextInput label="Time" type="datetime-local" required {...form.bind('recordedAt')} />
      <TextInput label="Note" autocomplete="off" {...form.bind('note')} />
      <div class="edit-point-actions">
        <Button type="submit" class="button button-primary button-small" disabled={submit.busy() || submit.blocked()}>
          Save
        </Button>
        <Button type="button" class="button button-ghost button-small" onClick={() => props.onDone()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
