import { Button } from '@kobalte/core/button';
// Namespace import on purpose: Kobalte's `Dialog` and `AlertDialog` objects
// are both Object.assign()ed onto the same root function, so whichever
// module loads last wins `.Content` (this dialog became an alertdialog).
import * as Dialog from '@kobalte/core/dialog';
import { createSignal } from 'solid-js';
import { KPI_UNIT_MAX, kpiInput } from '../../../shared/kpi.ts';
import { mutators } from '../../../sync/mutators.ts';
import { FormError } from '../../components/form-error.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { showToast } from '../../components/toast.tsx';
import { createFormState } from '../../lib/form-state.ts';
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
  const [formError, setFormError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const openChange = (open: boolean) => {
    if (!open) {
      form.reset();
      setFormError(undefined);
    }
    props.onOpenChange(open);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const data = form.submit();
    if (!data) return;
    setBusy(true);
    const outcome = await mutate(mutators.kpi.create({ id: crypto.randomUUID(), ...data }));
    setBusy(false);
    if (outcome.status === 'rejected') {
      // The server's field messages go next to their fields; the rest above the form.
      const mapped = issueFieldErrors(outcome.issues, FIELDS);
      const fieldCount = Object.keys(mapped.fields).length;
      form.showErrors(mapped.fields);
      setFormError(fieldCount > 0 ? mapped.other.join(' ') || undefined : outcome.message);
      return;
    }
    if (outcome.status === 'waiting') {
      showToast({ title: 'KPI saved on this device', description: 'It will sync when the connection is back.' });
    }
    openChange(false);
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
            <form class="form" onSubmit={submit} noValidate aria-busy={busy()}>
              <FormError message={formError()} />
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
                <Button type="submit" class="button button-primary" disabled={busy()}>
                  {busy() ? 'Creating…' : 'Create KPI'}
                </Button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
