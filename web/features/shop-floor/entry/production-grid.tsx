import { createEffect, createMemo, createSignal, For, Index, Show } from 'solid-js';
import { mutators } from '../../../../sync/mutators.ts';
import type { DraftRow } from './drafts.ts';
import { useEntryRows } from './entry-rows.ts';
import { type Cell, moveFor } from './grid-navigation.ts';
import { isBlock, parseBlock, pasteInto } from './paste.ts';
import {
  COLUMN_LABELS,
  type EntryChoices,
  emptyCells,
  isBlank,
  NUMBER_COLUMNS,
  PRODUCTION_COLUMNS,
  type ProductionCells,
  type ProductionColumn,
  readBackEntry,
  readProductionRow,
} from './production-row.ts';
import { readBack } from './read-back.ts';
import { ReadBackDialog } from './read-back-dialog.tsx';
import { RowStateText } from './row-state.tsx';
import { todayText } from './today.ts';

type Row = DraftRow<ProductionCells>;
const COLS = PRODUCTION_COLUMNS.length;
/** Cells a new row takes from the row above, as a shift's rows share them. */
const CARRIED: readonly ProductionColumn[] = ['date', 'line', 'shift', 'workOrder'];

/** Choice lists offered while typing a name (a datalist: no hover, plain typing still works). */
const LISTS: Partial<Record<ProductionColumn, string>> = {
  line: 'entry-lines',
  shift: 'entry-shifts',
  workOrder: 'entry-orders',
};

/**
 * The production entry grid (`/shop-floor/entry`): rows of cells driven by
 * the keyboard (grid-navigation.ts), a spreadsheet paste (paste.ts), the
 * shared rules checked as you type, drafts kept through a reload, the
 * read-back before saving, and each row's state until the server has it.
 */
export function ProductionGrid(props: { choices: EntryChoices; savedIDs: ReadonlySet<string> }) {
  const entry = useEntryRows<ProductionCells>({ form: 'production', blank: () => emptyCells(todayText()), isBlank });
  const rows = entry.rows;
  const [touched, setTouched] = createSignal<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = createSignal(false);
  const [focused, setFocused] = createSignal<Cell>();
  const [review, setReview] = createSignal<{ ids: string[]; lines: string[]; leftOut: number }>();
  const [notice, setNotice] = createSignal('');
  const inputs = new Map<string, HTMLInputElement>();

  createEffect(() => entry.markSavedElsewhere(props.savedIDs));

  const readings = createMemo(() => new Map(rows.map((r) => [r.id, readProductionRow(r.cells, props.choices)])));
  const touch = (id: string, columns: readonly ProductionColumn[]) =>
    setTouched((t) => new Set([...t, ...columns.map((c) => `${id}:${c}`)]));
  const errorOf = (row: Row, column: ProductionColumn) => {
    if (!entry.editable(row) || isBlank(row.cells)) return undefined;
    if (!attempted() && !touched().has(`${row.id}:${column}`)) return undefined;
    const reading = readings().get(row.id);
    return reading && !reading.ok ? reading.errors[column] : undefined;
  };
  /** What a screen reader hears about the focused cell: its error, as it appears. */
  const spoken = createMemo(() => {
    const at = focused();
    const row = at && rows[at.row];
    const column = at && PRODUCTION_COLUMNS[at.col];
    const error = row && column ? errorOf(row, column) : undefined;
    return error ? `Row ${(at?.row ?? 0) + 1}: ${error}` : notice();
  });

  const focusCell = (at: Cell) => {
    const row = rows[at.row];
    const column = PRODUCTION_COLUMNS[at.col];
    const input = row && column ? inputs.get(`${row.id}:${column}`) : undefined;
    input?.focus();
    input?.select();
  };

  const addRowAfter = (row: Row | undefined) => {
    const carried = emptyCells(todayText());
    if (row) for (const c of CARRIED) carried[c] = row.cells[c];
    entry.addRow(carried);
  };

  const onKeyDown = (event: KeyboardEvent, at: Cell) => {
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const input = event.currentTarget as HTMLInputElement;
    const [start, end, length] = [input.selectionStart ?? 0, input.selectionEnd ?? 0, input.value.length];
    // A cell arrived in has all its text selected: not being edited, so the arrows move on.
    const idle = start === end || (start === 0 && end === length);
    const move = moveFor(
      at,
      { key: event.key, shift: event.shiftKey, caretAtStart: idle && start === 0, caretAtEnd: idle && end === length },
      rows.length,
      COLS,
    );
    if (!move) return;
    event.preventDefault();
    if (move.addRow) addRowAfter(rows[at.row]);
    focusCell(move.to);
  };

  /** A block of cells lands from the focused cell over the editable rows, adding rows as needed. */
  const onPaste = (event: ClipboardEvent, at: Cell) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!isBlock(text)) return;
    event.preventDefault();
    const block = parseBlock(text);
    const targets = rows.slice(at.row).filter(entry.editable);
    const written = pasteInto(
      targets.map((r) => r.cells),
      { row: 0, col: at.col },
      block,
      PRODUCTION_COLUMNS,
      () => emptyCells(todayText()),
    );
    const pasted = PRODUCTION_COLUMNS.slice(at.col, at.col + Math.max(...block.map((b) => b.length)));
    written.rows.forEach((cells, i) => {
      const target = targets[i];
      if (target) entry.setCells(target.id, cells);
      else entry.addRow(cells);
    });
    for (const row of rows.slice(at.row).filter(entry.editable).slice(0, block.length)) touch(row.id, pasted);
    setNotice(`Pasted ${block.length === 1 ? '1 row' : `${block.length} rows`}.`);
  };

  const startReview = () => {
    setAttempted(true);
    const candidates = rows.filter((r) => entry.editable(r) && !isBlank(r.cells));
    const ready = candidates.flatMap((r) => {
      const reading = readings().get(r.id);
      return reading?.ok ? [{ id: r.id, args: reading.args }] : [];
    });
    if (ready.length === 0) {
      setNotice(
        candidates.length ? 'Nothing to save yet: fix the cells marked in red.' : 'Nothing to save yet: type an entry first.',
      );
      return;
    }
    setNotice('');
    const lines = ready.map((r) => readBack(readBackEntry(r.args, props.choices)));
    setReview({ ids: ready.map((r) => r.id), lines, leftOut: candidates.length - ready.length });
  };

  const confirm = () => {
    const ids = review()?.ids ?? [];
    setReview(undefined);
    const requests = ids.flatMap((id) => {
      const reading = readings().get(id);
      return reading?.ok ? [{ id, request: mutators.productionEntry.create({ id, ...reading.args }) }] : [];
    });
    void entry.send(requests);
    setNotice(`${requests.length === 1 ? '1 entry' : `${requests.length} entries`} sent.`);
  };

  const savedCount = () => rows.filter((r) => r.state.kind === 'saved').length;

  return (
    <div class="entry-grid-wrap">
      <datalist id="entry-lines">
        <For each={props.choices.lines}>{(l) => <option value={l.name} />}</For>
      </datalist>
      <datalist id="entry-shifts">
        <For each={props.choices.shifts}>{(s) => <option value={s.name} />}</For>
      </datalist>
      <datalist id="entry-orders">
        <For each={props.choices.orders}>{(o) => <option value={o.number} />}</For>
      </datalist>
      <p class="entry-summary" role="status">
        {entry.waiting() === 0
          ? 'Every entry sent from here is saved.'
          : `${entry.waiting() === 1 ? '1 entry' : `${entry.waiting()} entries`} not yet saved`}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {spoken()}
      </p>
      <div class="entry-grid-scroll">
        <table class="entry-grid" aria-label="Production entries to save" aria-describedby="entry-grid-help">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <For each={PRODUCTION_COLUMNS}>{(c) => <th scope="col">{COLUMN_LABELS[c]}</th>}</For>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            <Index each={rows}>
              {(row, r) => (
                <tr data-row-state={row().state.kind} data-entry-id={row().id}>
                  <th scope="row">{r + 1}</th>
                  <For each={PRODUCTION_COLUMNS}>
                    {(column, c) => {
                      const errorID = () => `cell-error-${row().id}-${column}`;
                      return (
                        <td classList={{ 'entry-cell': true, invalid: !!errorOf(row(), column) }}>
                          <input
                            ref={(el) => inputs.set(`${row().id}:${column}`, el)}
                            class="entry-input"
                            aria-label={`${COLUMN_LABELS[column]}, row ${r + 1}`}
                            aria-invalid={errorOf(row(), column) ? 'true' : undefined}
                            aria-describedby={errorOf(row(), column) ? errorID() : undefined}
                            inputmode={NUMBER_COLUMNS[column]}
                            placeholder={column === 'date' ? 'YYYY-MM-DD' : undefined}
                            list={column === 'job' ? `entry-jobs-${row().id}` : LISTS[column]}
                            autocomplete="off"
                            readOnly={!entry.editable(row())}
                            value={row().cells[column]}
                            onInput={(e) => {
                              entry.setCell(row().id, column, e.currentTarget.value);
                              touch(row().id, [column]);
                            }}
                            onFocus={() => setFocused({ row: r, col: c() })}
                            onKeyDown={(e) => onKeyDown(e, { row: r, col: c() })}
                            onPaste={(e) => onPaste(e, { row: r, col: c() })}
                          />
                          <Show when={column === 'job'}>
                            <datalist id={`entry-jobs-${row().id}`}>
                              <For each={props.choices.orders.find((o) => o.number === row().cells.workOrder.trim())?.jobs ?? []}>
                                {(j) => <option value={j.name} />}
                              </For>
                            </datalist>
                          </Show>
                          <Show when={errorOf(row(), column)}>
                            {(message) => (
                              <span id={errorID()} class="cell-error">
                                {message()}
                              </span>
                            )}
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                  <td class="entry-state">
                    <RowStateText state={row().state} />
                  </td>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
      </div>
      <div class="entry-actions">
        <button type="button" class="button button-primary" onClick={startReview}>
          Review and save
        </button>
        <button type="button" class="button button-secondary" onClick={() => addRowAfter(rows[rows.length - 1])}>
          Add a row
        </button>
        <Show when={savedCount() > 0}>
          <button type="button" class="button button-ghost" onClick={() => entry.clearSaved()}>
            Clear saved rows
          </button>
        </Show>
      </div>
      <Show when={notice()}>
        <p class="entry-notice">{notice()}</p>
      </Show>
      <ReadBackDialog
        open={!!review()}
        lines={review()?.lines ?? []}
        leftOut={review()?.leftOut ?? 0}
        onConfirm={confirm}
        onBack={() => setReview(undefined)}
      />
    </div>
  );
}
