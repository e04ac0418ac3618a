/**
 * A paste from a spreadsheet: rows on lines, cells split by tabs (what
 * Excel, LibreOffice and Google Sheets put on the clipboard). The cells land
 * from the focused cell rightwards and downwards; rows are added as needed;
 * cells past the last column are dropped. Pure.
 */

/** Whether a paste is a block of cells rather than text for one cell. */
export const isBlock = (text: string) => /[\t\n]/.test(text.replace(/\r?\n$/, ''));

/** The clipboard's text as rows of cells; the trailing line break spreadsheets add is not a row. */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t').map((cell) => cell.trim()));
}

/**
 * `rows` with `block` written into them from row `at.row`, column
 * `at.col` (columns named by `columns`); `blank()` makes each row added.
 * Returns the new rows and how many were added.
 */
export function pasteInto<R extends Record<C, string>, C extends string>(
  rows: readonly R[],
  at: { row: number; col: number },
  block: readonly (readonly string[])[],
  columns: readonly C[],
  blank: () => R,
): { rows: R[]; added: number } {
  const next = rows.slice();
  let added = 0;
  block.forEach((cells, i) => {
    const r = at.row + i;
    if (r >= next.length) {
      next.push(blank());
      added += 1;
    }
    const row = { ...(next[r] as R) };
    cells.forEach((value, j) => {
      const column = columns[at.col + j];
      if (column !== undefined) (row as Record<C, string>)[column] = value;
    });
    next[r] = row;
  });
  return { rows: next, added };
}
