import { Button } from '@kobalte/core/button';
import { createSignal, For } from 'solid-js';
import { productionEntryInput } from '../../../../shared/shop-floor/entries.ts';
import { mutators } from '../../../../sync/mutators.ts';
import type { ProductionEntry } from '../../../../sync/schema.ts';
import { FormError } from '../../../components/form-error.tsx';
import { Modal } from '../../../components/modal.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { createFormState } from '../../../lib/form-state.ts';
import { createSubmit } from '../../../lib/form-submit.ts';
import { useDialogAccess } from '../../../lib/write-access.ts';
import { mutate } from '../../sync/mutate.ts';
import { refusalOf } from '../refusal.ts';
import { COLUMN_LABELS, NUMBER_COLUMNS, numberOf } from './production-row.ts';

const FIELDS = ['unitsProduced', 'unitsDefective', 'runHours', 'employeesAssigned', 'employeesPresent'] as const;
type Field = (typeof FIELDS)[number];

const text = (n: number | null | undefined) => (n == null ? '' : String(n));

/** A manager corrects an entry's numbers (the shared rules again, on the entry as it would be); only what changed is sent. */
function EditEntryForm(props: { entry: ProductionEntry; onDone: () => void }) {
  const entry = { ...props.entry };
  const asEntry = (v: Record<Field, string>) => ({
    workOrderID: entry.workOrderID,
    jobID: entry.jobID ?? null,
    lineID: entry.lineID,
    shiftID: entry.shiftID ?? null,
    shiftDate: entry.shiftDate,
    unitsProduced: numberOf(v.unitsProduced),
    unitsDefective: numberOf(v.unitsDefective) ?? 0,
    runHours: numberOf(v.runHours),
    employeesAssigned: numberOf(v.employeesAssigned),
    employeesPresent: numberOf(v.employeesPresent) ?? null,
  });
  const form = createFormState({
    fields: FIELDS,
    initial: Object.fromEntries(FIELDS.map((f) => [f, text(entry[f])])) as Record<Field, string>,
    parse: (v) => productionEntryInput.safeParse(asEntry(v)),
  });
  const submit = createSubmit(form, {
    action: async (data) => {
      const patch: Record<string, number | null> = {};
      for (const f of FIELDS) if (data[f] !== (entry[f] ?? null)) patch[f] = data[f];
      if (Object.keys(patch).length === 0) {
        props.onDone();
        return undefined;
      }
      const refused = refusalOf(await mutate(mutators.productionEntry.update({ id: entry.id, ...patch })), FIELDS);
      if (!refused) props.onDone();
      return refused;
    },
  });
  return (
    <form class="form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
      <FormError message={submit.error()} />
      <div class="form-grid">
        <For each={FIELDS}>
          {(f) => <TextInput label={COLUMN_LABELS[f]} inputMode={NUMBER_COLUMNS[f]} autocomplete="off" {...form.bind(f)} />}
        </For>
      </div>
      <div class="dialog-actions">
        <Button type="button" class="button button-ghost" onClick={() => props.onDone()}>
          Cancel
        </Button>
        <Button type="submit" class="button button-primary" disabled={submit.busy() || submit.blocked()}>
          {submit.busy() ? 'Saving…' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}

/** "Edit" on a recent entry, for managers and up. */
export function EditEntryDialog(props: { entry: ProductionEntry; label: string }) {
  const [open, setOpen] = createSignal(false);
  const allowed = useDialogAccess(open);
  return (
    <Modal
      open={open()}
      onOpenChange={setOpen}
      title={`Edit entry: ${props.label}`}
      trigger={
        allowed()
          ? { label: 'Edit', class: 'button button-secondary button-small', ariaLabel: `Edit entry: ${props.label}` }
          : undefined
      }
      initialFocus='input[name="unitsProduced"]'
    >
      <EditEntryForm entry={props.entry} onDone={() => setOpen(false)} />
    </Modal>
  );
}
