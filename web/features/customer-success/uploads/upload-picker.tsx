import { Button } from '@kobalte/core/button';
import { Progress } from '@kobalte/core/progress';
import { createSignal, Show } from 'solid-js';
import { MAX_FILE_BYTES, type UploadMode } from '../../../../shared/customer-success/uploads/layout.ts';

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
  const [over, setOver] = createSignal(false);
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
      <fieldset
        class="drop-zone"
        data-over={over() ? '' : undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!props.busy) pick(e.dataTransfer?.files[0]);
        }}
      >
        <legend class="visually-hidden">Workbook</legend>
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
      </fieldset>
      <Show when={problem()}>
        <p class="form-error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={props.progress !== null}>
        <Progress class="progress" value={Math.round((props.progress ?? 0) * 100)} minValue={0} maxValue={100}>
          <div class="progress-labels">
            <Progress.Label>Uploading</Progress.Label>
            <Progress.ValueLabel />
          </div>
          <Progress.Track class="progress-track">
            <Progress.Fill class="progress-fill" />
          </Progress.Track>
        </Progress>
      </Show>
    </div>
  );
}
