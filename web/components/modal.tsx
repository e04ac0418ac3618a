// Namespace import on purpose: Kobalte's `Dialog` and `AlertDialog` objects
// are both Object.assign()ed onto the same root function, so whichever
// module loads last wins `.Content` (a dialog would become an alertdialog).
import * as Dialog from '@kobalte/core/dialog';
import { createSignal, type JSX, Show } from 'solid-js';
import { PortalMountContext } from './portal-mount.ts';

export interface ModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: JSX.Element;
  /** A trigger button; without one the dialog is opened from elsewhere (focus then returns to the page). */
  trigger?: { label: JSX.Element; class?: string; ariaLabel?: string; disabled?: boolean; describedBy?: string | undefined };
  /** A selector (inside the dialog) for where focus starts, e.g. the first field rather than the close button. */
  initialFocus?: string;
  wide?: boolean;
  children: JSX.Element;
}

/**
 * A modal dialog in the app's look (Kobalte Dialog: focus is trapped, Escape
 * closes, focus returns to the trigger).
 */
export function Modal(props: ModalProps) {
  const [content, setContent] = createSignal<HTMLElement>();
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Show when={props.trigger}>
        {(t) => (
          <Dialog.Trigger
            class={t().class ?? 'button button-primary'}
            aria-label={t().ariaLabel}
            aria-describedby={t().describedBy}
            disabled={t().disabled}
          >
            {t().label}
          </Dialog.Trigger>
        )}
      </Show>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content
            ref={setContent}
            class={props.wide ? 'dialog dialog-wide' : 'dialog'}
            onOpenAutoFocus={(event) => {
              const target = props.initialFocus ? content()?.querySelector<HTMLElement>(props.initialFocus) : null;
              if (!target) return;
              event.preventDefault();
              target.focus();
            }}
          >
            <div class="dialog-header">
              <Dialog.Title class="dialog-title">{props.title}</Dialog.Title>
              <Dialog.CloseButton class="icon-button" aria-label="Close">
                <span aria-hidden="true">×</span>
              </Dialog.CloseButton>
            </div>
            <Show when={props.description}>
              <Dialog.Description class="dialog-description">{props.description}</Dialog.Description>
            </Show>
            <PortalMountContext.Provider value={content}>{props.children}</PortalMountContext.Provider>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
