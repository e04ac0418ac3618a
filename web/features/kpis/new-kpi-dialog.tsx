import { Button } from '@kobalte/core/button';
// Namespace import on purpose: Kobalte's `Dialog` and `AlertDialog` objects
// are both Object.assign()ed onto the same root function, so whichever
// module loads last wins `.Content` (this dialog became an alertdialog).
import * as Dialog from '@kobalte/core/dialog';
import { KPI_UNIT_MAX, kpiInput } from '../../../shared/kpi.ts';
import { mutators } from '../../../sync/mutators.ts';
import { FormError } from '../../components/form-error.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { showToast } from '../../components/toast.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { issueFieldErrors, parseNumber } from '../../lib/forms.ts';
import { mutate } from '../sync/mutate.ts';

const FIELDS = ['name', 'unit', 'target'] as const;

/**
 * "New KPI": a modal form (Kobalte Dialog: focus is trapped, Escape closes,
 * focus returns to the trigger). Nothing is sent while a field is invalid.
 */
export function NewKpiDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const form = createFormState({
    fields: FIELDS,
    initial: { name: '', unit: '', target: '' },
    parse: (v) => kpiInput.safeParse({ name: v.name, unit: v.unit, target: parseNumber(v.target) }),
  });
  const submit = createSubmit(form, {
    action: async (data) => {
      const outcome = await mutate(mutators.kpi.create({ id: crypto.randomUUID(), ...data }));
      if (outcome.status === 'rejected') {
        // The server's field messages go next to their fields; the rest above the form.
        const mapped = issueFieldErrors(outcome.issues, FIELDS);
        const fieldCount = Object.keys(mapped.fields).length;
        return { fields: mapped.fields, message: fieldCount > 0 ? mapped.other.join(' ') || undefined : outcome.message };
      }
      if (outcome.status === 'waiting') {
        showToast({ title: 'KPI saved on this device', description: 'It will sync when the connection is back.' });
      }
      openChange(false);
    },
  });

  const openChange = (open: boolean) => {
    if (!open) {
      form.reset();
      submit.setError(undefined);
    }
    props.onOpenChange(open);
  };

  return (
    <Dialog.Root open={props.open} onOpenChange={openChange}>
      <Dialog.Trigger class="button button-primary">New KPI</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content
            class="dialog"
            onOpenAutoFocus={(event) => {
              // Start in the first field rather than on the close button.
              event.preventDefault();
              form.focus('name');
            }}
          >
            <div class="dialog-header">
              <Dialog.Title class="dialog-title">New KPI</Dialog.Title>
              <Dialog.CloseButton class="icon-button" aria-label="Close">
                <span aria-hidden="true">×</span>
              </Dialog.CloseButton>
            </div>
            <Dialog.Description class="dialog-description">
              Name what you measure and the target to reach. Everyone in the organization sees it at once.
            </Dialog.Description>
            <form class="form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
              <FormError message={submit.error()} />
              <TextInput label="Name" autocomplete="off" required {...form.bind('name')} />
              <TextInput
                label="Unit"
                autocomplete="off"
                placeholder="e.g. %, €, orders"
                description={`Optional, up to ${KPI_UNIT_MAX} characters.`}
                {...form.bind('unit')}
              />
              <TextInput label="Target" inputMode="decimal" autocomplete="off" required {...form.bind('target')} />
              <div class="dialog-actions">
                <Button type="button" class="button button-ghost" onClick={() => openChange(false)}>
                  Cancel
                </Button>
                <Button type="submit" class="button button-primary" disabled={submit.busy()}>
                  {submit.busy() ? 'Creating…' : 'Create KPI'}
                </Button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
