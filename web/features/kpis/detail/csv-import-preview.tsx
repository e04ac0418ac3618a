import { For, Show } from 'solid-js';
import { DELIMITER_NAMES, type ImportPreview } from '../../../../shared/csv-points.ts';
import type { DecimalSeparator } from '../../../../shared/numbers.ts';
import { SelectField, type SelectOption } from '../../../components/select-field.tsx';
import { useFormats } from '../../organizations/current-organization.tsx';

const PREVIEW_ROWS = 5;
const DECIMAL_OPTIONS: SelectOption[] = [
  { value: '.', label: 'Point: 1,234.5' },
  { value: ',', label: 'Comma: 1.234,5' },
];

/** ["line 3", "value"] → "Line 3, value". */
const locText = (loc: readonly (string | number)[]) => {
  const text = loc.map(String).join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
export const rowsText = (n: number) => (n === 1 ? '1 row' : `${n} rows`);
const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

export interface CsvImportPreviewProps {
  preview: ImportPreview;
  unit: string;
  /** The person picks the decimal separator when the file leaves it open. */
  onDecimal: (separator: DecimalSeparator) => void;
}

/**
 * What an import would write, before anything is: how the file was read
 * (delimiter, decimal separator, asked for when the values could be read
 * both ways), the columns left out, every bad row, and the first good rows.
 */
export function CsvImportPreview(props: CsvImportPreviewProps) {
  const fmt = useFormats();
  const p = () => props.preview;
  const decimalName = () => (p().decimal.separator === ',' ? 'comma' : 'point');
  return (
    <section class="import-preview" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">Preview</h3>
      <p role="status">
        {rowsText(p().total)} read: {rowsText(p().rows.length)} ready to import
        {p().errors.length > 0 ? `, ${p().errors.length} ${p().errors.length === 1 ? 'problem' : 'problems'} to fix` : ''}.
      </p>
      <p class="panel-hint">
        Read as {DELIMITER_NAMES[p().delimiter] ?? `“${p().delimiter}”`}-separated values, with a {decimalName()} as the decimal
        separator{p().decimal.source === 'file' ? ' (as the values show)' : ''}.
      </p>
      <Show when={p().decimal.ambiguous}>
        <SelectField
          label="Decimal separator"
          name="decimal"
          description="Some values, like 1,234, read differently with a point or a comma. How does this file write decimals?"
          options={DECIMAL_OPTIONS}
          value={p().decimal.separator}
          onChange={(value) => props.onDecimal(value === ',' ? ',' : '.')}
        />
      </Show>
      <Show when={p().ignoredColumns.length > 0}>
        <p class="notice-inline" role="note">
          Not imported: {p().ignoredColumns.length === 1 ? 'the column' : 'the columns'} {quoted(p().ignoredColumns)}. Only value,
          date and note are read.
        </p>
      </Show>
      <Show when={p().errors.length > 0}>
        <p class="panel-hint">Rows with problems are left out. Fix them in the file and pick it again to include them.</p>
        <ul class="import-errors" aria-label="Problems">
          <For each={p().errors}>
            {(issue) => (
              <li>
                <strong>{locText(issue.loc)}</strong>: {issue.msg}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={p().rows.length > 0}>
        <table class="data-table">
          <caption class="visually-hidden">First rows to import</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Value</th>
              <th scope="col">Time</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            <For each={p().rows.slice(0, PREVIEW_ROWS)}>
              {(r) => (
                <tr>
                  <td>{r.line}</td>
                  <td class="num">{fmt().quantity(r.value, props.unit)}</td>
                  <td>{fmt().dateTime(r.recordedAt)}</td>
                  <td>{r.note || '—'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
