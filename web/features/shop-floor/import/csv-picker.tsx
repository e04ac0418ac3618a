import { createSignal, Show } from 'solid-js';
import { DropZone } from '../../../components/drop-zone.tsx';
import { ProgressBar } from '../../../components/progress-bar.tsx';

export interface CsvPickerProps {
  busy: boolean;
  /** 0..1 while the file is sent; null otherwise. */
  progress: number | null;
  onPick: (file: File) => void;
}

/** The largest file the server takes (server/shop-floor/batches/upload-body.ts MAX_BATCH_BYTES). */
const MAX_MB = 32;

/**
 * Choose or drop a CSV of production. The native file input stays visible and
 * labelled (keyboard and screen readers use it as it is); the whole area also
 * takes a dropped file. Shows the upload's progress while it is sent.
 */
export function CsvPicker(props: CsvPickerProps) {
  const [problem, setProblem] = createSignal<string>();
  const take = (file: File | undefined) => {
    setProblem(undefined);
    if (!file || props.busy) return;
    if (file.size > MAX_MB * 1024 * 1024) setProblem(`“${file.name}” is over ${MAX_MB} MB: split it into smaller files.`);
    else props.onPick(file);
  };
  return (
    <DropZone class="csv-drop" legend="File to import" disabled={props.busy} onFile={take}>
      <label class="field-label" for="csv-file">
        Production CSV
      </label>
      <input
        id="csv-file"
        type="file"
        accept=".csv,text/csv"
        disabled={props.busy}
        aria-describedby="csv-file-hint"
        onChange={(e) => {
          take(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      <p id="csv-file-hint" class="panel-hint">
        Choose a file or drop it here. UTF-8, a header row with work_order_id, shift_date, units_produced, run_time_hours,
        employees_assigned, and optionally shift, line, product, units_defective, in any order.
      </p>
      <Show when={problem()}>
        <p class="form-error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={props.progress !== null}>
        <ProgressBar label="Uploading and checking" value={Math.round((props.progress ?? 0) * 100)} />
      </Show>
    </DropZone>
  );
}
