import { Button } from '@kobalte/core/button';
import { createMemo, createSignal, Show } from 'solid-js';
import { IMPORT_MAX_ROWS, parsePointsCsv } from '../../../../shared/csv-points.ts';
import type { DecimalSeparator } from '../../../../shared/numbers.ts';
import { mutators } from '../../../../sync/mutators.ts';
import type { Kpi } from '../../../../sync/schema.ts';
import { FormError } from '../../../components/form-error.tsx';
import { Modal } from '../../../components/modal.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { showToast } from '../../../components/toast.tsx';
import { useWriteAccess } from '../../../lib/write-access.ts';
import { useFormats } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';
import { CsvImportPreview, rowsText } from './csv-import-preview.tsx';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * CSV import in two steps: pick or paste a file and see every bad row with
 * its line and field, then write the good rows only when the person clicks
 * "Import N rows". Nothing is sent before that.
 */
export function CsvImportDialog(props: { kpi: Kpi; disabled: boolean; describedBy?: string | undefined }) {
  const [open, setOpen] = createSignal(false);
  const [text, setText] = createSignal('');
  const [fileError, setFileError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  // The person's answer when the file leaves the decimal separator open; otherwise the organization's is assumed.
  const [decimal, setDecimal] = createSignal<DecimalSeparator>();
  const fmt = useFormats();
  const preview = createMemo(() =>
    text().trim() ? parsePointsCsv(text(), { decimal: decimal(), defaultDecimal: fmt().decimal }) : undefined,
  );
  const good = () => preview()?.rows ?? [];
  const access = useWriteAccess();
  access?.holdWhile(open);
  const lost = () => access?.lost();

  const reset = () => {
    setText('');
    setDecimal(undefined);
    setFileError(undefined);
    setError(undefined);
    setBusy(false);
  };
  const openChange = (next: boolean) => {
    if (!next) reset();
    setOpen(next);
  };

  const pickFile = async (input: HTMLInputElement) => {
    setFileError(undefined);
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(`This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; split it into files under 5 MB.`);
      return;
    }
    try {
      setDecimal(undefined);
      setText(await file.text());
    } catch {
      setFileError('The file could not be read. Check that it is a CSV text file and pick it again.');
    }
  };

  const runImport = async () => {
    const rows = good().map((r) => ({ id: crypto.randomUUID(), value: r.value, recordedAt: r.recordedAt, note: r.note }));
    if (rows.length === 0) return;
    setBusy(true);
    setError(undefined);
    // Thousands of rows take the server a few seconds: wait for its answer rather than call it "queued".
    const outcome = await mutate(mutators.dataPoint.import({ kpiID: props.kpi.id, rows }), { confirmWaitMs: 60_000 });
    setBusy(false);
    if (outcome.status === 'rejected') {
      setError(`Nothing was imported: ${outcome.message}`);
      return;
    }
    showToast({
      title: outcome.status === 'saved' ? `Imported ${rowsText(rows.length)}` : 'Import saved on this device',
      description:
        outcome.status === 'saved' ? `They are now in ${props.kpi.name}.` : 'It will sync when the connection is back.',
      tone: 'success',
    });
    openChange(false);
  };

  return (
    <Modal
      open={open()}
      onOpenChange={openChange}
      title="Import data points"
      description={
        <>
          A CSV with a header row naming a <code>value</code> column and a <code>date</code> column (an optional <code>note</code>
          ), up to {IMPORT_MAX_ROWS} rows, separated by commas, semicolons or tabs. Dates look like 2026-03-31 or
          2026-03-31T09:00:00Z.
        </>
      }
      trigger={
        lost()
          ? undefined
          : { label: 'Import CSV', class: 'button button-secondary', disabled: props.disabled, describedBy: props.describedBy }
      }
      initialFocus="#csv-file"
      wide
    >
      <div class="form">
        <FormError message={lost() ?? error()} />
        <div class="field">
          <label class="field-label" for="csv-file">
            CSV file
          </label>
          <input
            id="csv-file"
            class="field-input"
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby={fileError() ? 'csv-file-error' : undefined}
            onChange={(e) => void pickFile(e.currentTarget)}
          />
          <Show when={fileError()}>
            <p id="csv-file-error" class="field-error">
              {fileError()}
            </p>
          </Show>
        </div>
        <TextArea
          label="Or paste CSV"
          name="csv"
          rows={6}
          value={text()}
          onChange={setText}
          placeholder={'date,value,note\n2026-03-01,42,'}
        />
        <Show when={preview()}>{(p) => <CsvImportPreview preview={p()} unit={props.kpi.unit} onDecimal={setDecimal} />}</Show>
        <div class="dialog-actions">
          <Button type="button" class="button button-ghost" onClick={() => openChange(false)}>
            Cancel
          </Button>
          <Button
            type="button"
            class="button button-primary"
            disabled={good().length === 0 || busy() || !!lost()}
            onClick={() => void runImport()}
          >
            {busy() ? 'Importing…' : `Import ${rowsText(good().length)}`}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
