// Namespace import: see modal.tsx (Kobalte's Dialog/AlertDialog objects share one root).
import * as AlertDialog from '@kobalte/core/alert-dialog';
import { Button } from '@kobalte/core/button';
import { createSignal, type JSX } from 'solid-js';

export interface ConfirmButtonProps {
  /** Visible text of the trigger. */
  label: string;
  /** Accessible name of the trigger when the visible text is not enough ("Delete" → "Delete point of 3 May"). */
  ariaLabel?: string;
  triggerClass?: string;
  disabled?: boolean;
  /** Id of the element that says why the trigger is disabled. */
  describedBy?: string;
  title: string;
  description: JSX.Element;
  confirmLabel: string;
  busyLabel?: string;
  danger?: boolean;
  /** Resolves true when done (the dialog closes), false to keep it open (the failure is shown elsewhere). */
  onConfirm: () => Promise<boolean>;
}

/** A button that asks first (Kobalte AlertDialog): for archiving, deleting, revoking. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const confirm = async () => {
    setBusy(true);
    const ok = await props.onConfirm().catch(() => false);
    setBusy(false);
    if (ok) setOpen(false);
  };
  return (
    <AlertDialog.Root open={open()} onOpenChange={setOpen}>
      <AlertDialog.Trigger
        class={props.triggerClass ?? 'button button-small button-danger-ghost'}
        aria-label={props.ariaLabel}
        aria-describedby={props.describedBy}
        disabled={props.disabled}
      >
        {props.label}
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <AlertDialog.Content class="dialog dialog-small">
            <AlertDialog.Title class="dialog-title">{props.title}</AlertDialog.Title>
            <AlertDialog.Description class="dialog-description">{props.description}</AlertDialog.Description>
            <div class="dialog-actions">
              <AlertDialog.CloseButton class="button button-ghost">Cancel</AlertDialog.CloseButton>
              <Button
                class={props.danger === false ? 'button button-primary' : 'button button-danger'}
                onClick={() => void confirm()}
                disabled={busy()}
              >
                {busy() ? (props.busyLabel ?? 'Working…') : props.confirmLabel}
              </Button>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
