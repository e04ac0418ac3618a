import { Button } from '@kobalte/core/button';
import { For, Show } from 'solid-js';
import { useFormats } from '../../organizations/current-organization.tsx';
import type { UploadPreview } from './uploads-api.ts';

export interface UploadPreviewPanelProps {
  preview: UploadPreview;
  busy: boolean;
  canConfirm: boolean;
  onConfirm: () => void;
  onDiscard: () => void;
}

const where = (e: { sheet: string | null; row: number | null; column: string | null }) =>
  [e.sheet ?? 'Workbook', e.row === null ? null : `row ${e.row}`, e.column === null ? null : `column ${e.column}`]
    .filter(Boolean)
    .join(', ');

/** What a previewed workbook would do: its errors (sheet, row, column), or its diff against the latest version. */
export function UploadPreviewPanel(props: UploadPreviewPanelProps) {
  const fmt = useFormats();
  const n = (v: number) => fmt().number(v);
  return (
    <section class="panel upload-preview" aria-labelledby="upload-preview-title">
      <h3 id="upload-preview-title">
        Preview of {props.preview.fileName} ({props.preview.rows.length} rows)
      </h3>
      <Show
        when={props.preview.errors.length === 0 && props.preview.diff}
        fallback={
          <>
            <p class="form-error" role="alert">
              {props.preview.errors.length} problem{props.preview.errors.length === 1 ? '' : 's'} in the workbook; nothing was
              saved. Fix them and upload it again.
            </p>
            <table class="data-table" data-testid="upload-errors">
              <caption class="visually-hidden">Problems in the workbook</caption>
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.preview.errors}>
                  {(e) => (
                    <tr>
                      <td>{where(e)}</td>
                      <td>{e.message}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Button class="button button-ghost" onClick={() => props.onDiscard()}>
              Close
            </Button>
          </>
        }
      >
        {(diff) => (
          <>
            <ul class="upload-diff" data-testid="upload-diff">
              <li>
                <strong>{diff().added.length}</strong> added
              </li>
              <li>
                <strong>{diff().changed.length}</strong> changed
              </li>
              <li>
                <strong>{diff().removed.length}</strong> not in this workbook (left as they are)
              </li>
              <li>
                <strong>{diff().bandMoves.length}</strong> health band{diff().bandMoves.length === 1 ? '' : 's'} would move
              </li>
            </ul>
            <Show when={diff().added.length + diff().changed.length + diff().removed.length > 0}>
              <table class="data-table">
                <caption class="visually-hidden">Changes against the latest version</caption>
                <thead>
                  <tr>
                    <th scope="col">KPI</th>
                    <th scope="col">Category</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={diff().added}>
                    {(a) => (
                      <tr>
                        <th scope="row">{a.name}</th>
                        <td>{a.category}</td>
                        <td>added: {n(a.value)}</td>
                      </tr>
                    )}
                  </For>
                  <For each={diff().changed}>
                    {(c) => {
                      const move = diff().bandMoves.find((m) => m.name === c.name);
                      return (
                        <tr>
                          <th scope="row">{c.name}</th>
                          <td>{c.category}</td>
                          <td>
                            {n(c.before)} → {n(c.after)}
                            {move ? ` (band: ${move.from} → ${move.to})` : ''}
                          </td>
                        </tr>
                      );
                    }}
                  </For>
                  <For each={diff().removed}>
                    {(r) => (
                      <tr>
                        <th scope="row">{r.name}</th>
                        <td>{r.category}</td>
                        <td>not in this workbook (stays {n(r.value)})</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <p class="panel-hint">Nothing is saved until you confirm.</p>
            <div class="form-actions">
              <Show when={props.canConfirm}>
                <Button class="button button-primary" disabled={props.busy} onClick={() => props.onConfirm()}>
                  {props.busy ? 'Saving…' : 'Confirm upload'}
                </Button>
              </Show>
              <Button class="button button-ghost" disabled={props.busy} onClick={() => props.onDiscard()}>
                Discard
              </Button>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
