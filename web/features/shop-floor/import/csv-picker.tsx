import { Progress } from '@kobalte/core/progress';
import { createSignal, Show } from 'solid-js';

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
  const [over, setOver] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const take = (file: File | undefined) => {
    setProblem(undefined);
    if (!file || props.busy) return;
    if (file.size > MAX_MB * 1024 * 1024) setProblem(`“${file.name}” is over ${MAX_MB} MB: split it into smaller files.`);
    else props.onPick(file);
  };
  return (
    <fieldset
      class="csv-drop"
      data-over={over() ? '' : undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files[0]);
      }}
    >
      <legend class="visually-hidden">File to import</legend>
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
        <Progress class="progress" value={Math.round((props.progress ?? 0) * 100)} minValue={0} maxValue={100}>
          <div class="progress-labels">
            <Progress.Label>Uploading and checking</Progress.Label>
            <Progress.ValueLabel />
          </div>
          <Progress.Track class="progress-track">
            <Progress.Fill class="progress-fill" />
          </Progress.Track>
        </Progress>
      </Show>
    </fieldset>
  );
}
