import { Toast, toaster } from '@kobalte/core/toast';
import { Show } from 'solid-js';

export type ToastTone = 'error' | 'info' | 'success';

export interface ToastMessage {
  title: string;
  description?: string;
  tone?: ToastTone;
}

/**
 * Shows a toast. Errors are announced assertively and stay until dismissed
 * or for a long while; confirmations are polite and short.
 */
export function showToast(message: ToastMessage): number {
  const tone = message.tone ?? 'info';
  return toaster.show((props) => (
    <Toast
      toastId={props.toastId}
      class={`toast toast-${tone}`}
      priority={tone === 'error' ? 'high' : 'low'}
      duration={tone === 'error' ? 10_000 : 5_000}
    >
      <div class="toast-body">
        <Toast.Title class="toast-title">{message.title}</Toast.Title>
        <Show when={message.description}>
          <Toast.Description class="toast-description">{message.description}</Toast.Description>
        </Show>
      </div>
      <Toast.CloseButton class="toast-close" aria-label="Dismiss notification">
        <span aria-hidden="true">×</span>
      </Toast.CloseButton>
    </Toast>
  ));
}

/** Rendered once at the app root; toasts from anywhere appear here. */
export function ToastRegion() {
  return (
    <Toast.Region aria-label="Notifications (alt+T)" limit={4} swipeDirection="right">
      <Toast.List class="toast-list" />
    </Toast.Region>
  );
}
