import { For, Show } from 'solid-js';
import { Modal } from '../../../components/modal.tsx';

export interface ReadBackDialogProps {
  open: boolean;
  /** Each entry to save, in words (read-back.ts). */
  lines: readonly string[];
  /** Rows left out because they still have errors: said, so nobody thinks they were saved. */
  leftOut?: number;
  onConfirm: () => void;
  onBack: () => void;
}

/** Seed 004's read-back: what will be saved, in words, with Confirm and Back; nothing is sent before Confirm. */
export function ReadBackDialog(props: ReadBackDialogProps) {
  const count = () => (props.lines.length === 1 ? '1 entry' : `${props.lines.length} entries`);
  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => !open && props.onBack()}
      title="Check before saving"
      description={`Read it back: ${count()} will be saved.`}
      initialFocus=".read-back-confirm"
    >
      <ol class="read-back-list" aria-label="Entries to save">
        <For each={props.lines}>{(line) => <li>{line}</li>}</For>
      </ol>
      <Show when={(props.leftOut ?? 0) > 0}>
        <p class="read-back-left-out">
          {props.leftOut === 1 ? '1 row has' : `${props.leftOut} rows have`} errors and will not be saved; it stays in the grid to
          fix.
        </p>
      </Show>
      <div class="dialog-actions">
        <button type="button" class="button button-secondary" onClick={() => props.onBack()}>
          Back
        </button>
        <button type="button" class="button button-primary read-back-confirm" onClick={() => props.onConfirm()}>
          Confirm
        </button>
      </div>
    </Modal>
  );
}
