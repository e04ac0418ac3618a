import { Button } from '@kobalte/core/button';
import { createSignal, Show } from 'solid-js';
import { MAX_FILE_BYTES, type UploadMode } from '../../../../shared/customer-success/uploads/layout.ts';
import { DropZone } from '../../../components/drop-zone.tsx';
import { ProgressBar } from '../../../components/progress-bar.tsx';

export interface UploadPickerProps {
  busy: boolean;
  /** 0..1 while the file is sent; null otherwise. */
  progress: number | null;
  onPick: (file: File, mode: UploadMode) => void;
}

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file picker and drop zone for the workbook, its mode, and the upload's progress. */
export function UploadPicker(props: UploadPickerProps) {
  const [mode, setMode] = createSignal<UploadMode>('corporate');
  const [problem, setProblem] = createSignal<string>();
  let input: HTMLInputElement | undefined;

  const pick = (file: File | undefined) => {
    setProblem(undefined);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblem(`“${file.name}” is over ${MAX_FILE_BYTES / 1_000_000} MB; a KPI workbook is far smaller.`);
      return;
    }
    props.onPick(file, mode());
  };

  return (
    <div class="upload-picker">
      <fieldset class="upload-mode" disabled={props.busy}>
        <legend>Mode</legend>
        <label>
          <input type="radio" name="upload-mode" checked={mode() === 'corporate'} onChange={() => setMode('corporate')} />{' '}
          Corporate: one value per KPI
        </label>
        <label>
          <input type="radio" name="upload-mode" checked={mode() === 'rollup'} onChange={() => setMode('rollup')} /> Account
          rollup: a Business unit column, rolled up by weight
        </label>
      </fieldset>
      <DropZone class="drop-zone" legend="Workbook" disabled={props.busy} onFile={pick}>
        <p>Drop the workbook (.xlsx) here, or</p>
        <Button class="button button-primary" disabled={props.busy} onClick={() => input?.click()}>
          Choose a workbook…
        </Button>
        <input
          ref={input}
          class="visually-hidden"
          type="file"
          accept={XLSX_TYPES}
          aria-label="Workbook file"
          data-testid="upload-file"
          onChange={(e) => {
            pick(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </DropZone>
      <Show when={problem()}>
        <p class="form-error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={props.progress !== null}>
        <ProgressBar label="Uploading" value={Math.round((props.progress ?? 0) * 100)} />
      </Show>
    </div>
  );
}
