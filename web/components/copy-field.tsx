import { Button } from '@kobalte/core/button';
import { createSignal, onCleanup } from 'solid-js';
import { TextInput } from './text-input.tsx';

/** Clipboard API where allowed (https, localhost); otherwise select the text for Ctrl+C. */
export async function copyText(text: string, fallbackInput?: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallbackInput?.select();
    return false;
  }
}

/** A read-only field with a "Copy link" button (e.g. an invite link). */
export function CopyField(props: { label: string; value: string; buttonLabel?: string }) {
  const [status, setStatus] = createSignal('');
  let input: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    const ok = await copyText(props.value, input);
    setStatus(ok ? 'Copied.' : 'Selected: press Ctrl+C (⌘C) to copy.');
    clearTimeout(timer);
    timer = setTimeout(() => setStatus(''), 4000);
  };

  return (
    <div class="copy-field">
      <TextInput
        label={props.label}
        name="copy"
        value={props.value}
        onChange={() => undefined}
        readOnly
        ref={(el) => {
          input = el;
          el.addEventListener('focus', () => el.select());
        }}
      />
      <Button class="button button-secondary" onClick={() => void copy()}>
        {props.buttonLabel ?? 'Copy link'}
      </Button>
      <p class="copy-status" aria-live="polite">
        {status()}
      </p>
    </div>
  );
}
