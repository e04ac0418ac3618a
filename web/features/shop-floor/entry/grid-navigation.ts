/**
 * Where a key press moves the focus in an entry grid, like a spreadsheet:
 *
 * - Tab / Shift+Tab: the next / previous cell, wrapping to the next /
 *   previous row; Tab on the last cell adds a row. Shift+Tab on the first
 *   cell leaves the grid (the browser's own move).
 * - Enter / Shift+Enter: the cell below / above; Enter on the last row adds a row.
 * - Arrow up / down: the cell above / below (cells hold one line of text).
 * - Arrow left / right: the previous / next cell only when the caret is
 *   already at the start / end of the cell's text with nothing selected, so
 *   the arrows still move the caret while a value is being edited.
 *
 * Pure: the grid feeds it the key and the caret, and moves where it says.
 */
export interface Cell {
  row: number;
  col: number;
}

export interface KeyPress {
  key: string;
  shift: boolean;
  /** The caret is at the start (at the end) of the cell's text, nothing selected. */
  caretAtStart: boolean;
  caretAtEnd: boolean;
}

export type Move = { to: Cell; addRow: boolean } | null;

/** The move for `press` from `at` in a grid of `rows` × `cols`; null leaves the key to the browser. */
export function moveFor(at: Cell, press: KeyPress, rows: number, cols: number): Move {
  const lastRow = rows - 1;
  const lastCol = cols - 1;
  const go = (row: number, col: number, addRow = false): Move => ({ to: { row, col }, addRow });
  switch (press.key) {
    case 'Tab':
      if (press.shift) {
        if (at.col > 0) return go(at.row, at.col - 1);
        return at.row > 0 ? go(at.row - 1, lastCol) : null;
      }
      if (at.col < lastCol) return go(at.row, at.col + 1);
      return at.row < lastRow ? go(at.row + 1, 0) : go(at.row + 1, 0, true);
    case 'Enter':
      if (press.shift) return at.row > 0 ? go(at.row - 1, at.col) : null;
      return at.row < lastRow ? go(at.row + 1, at.col) : go(at.row + 1, at.col, true);
    case 'ArrowDown':
      return at.row < lastRow ? go(at.row + 1, at.col) : null;
    case 'ArrowUp':
      return at.row > 0 ? go(at.row - 1, at.col) : null;
    case 'ArrowRight':
      return press.caretAtEnd && at.col < lastCol ? go(at.row, at.col + 1) : null;
    case 'ArrowLeft':
      return press.caretAtStart && at.col > 0 ? go(at.row, at.col - 1) : null;
    default:
      return null;
  }
}
