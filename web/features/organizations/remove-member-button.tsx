// Namespace import: see components/modal.tsx (Kobalte's Dialog/AlertDialog objects share one root).
import * as AlertDialog from '@kobalte/core/alert-dialog';
import { Button } from '@kobalte/core/button';
import { createSignal } from 'solid-js';

/** "Remove" with a confirmation step; removing someone cuts their access at once. */
export function RemoveMemberButton(props: { name: string; organization: string; onConfirm: () => Promise<boolean> }) {
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const confirm = async () => {
    setBusy(true);
    const ok = await props.onConfirm();
    setBusy(false);
    if (ok) setOpen(false);
  };
  return (
    <AlertDialog.Root open={open()} onOpenChange={setOpen}>
      <AlertDialog.Trigger class="button button-small button-danger-ghost" aria-label={`Remove ${props.name}`}>
        Remove
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <AlertDialog.Content class="dialog dialog-small">
            <AlertDialog.Title class="dialog-title">Remove member?</AlertDialog.Title>
            <AlertDialog.Description class="dialog-description">
              {props.name} will lose access to {props.organization} immediately. You can invite them again later.
            </AlertDialog.Description>
            <div class="dialog-actions">
              <AlertDialog.CloseButton class="button button-ghost">Cancel</AlertDialog.CloseButton>
              <Button class="button button-danger" onClick={() => void confirm()} disabled={busy()}>
                {busy() ? 'Removing…' : 'Remove'}
              </Button>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
