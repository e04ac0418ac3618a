import { describe, expect, test } from 'vitest';
import { moveFor } from '../../../web/features/shop-floor/entry/grid-navigation.ts';
import { isBlock, parseBlock, pasteInto } from '../../../web/features/shop-floor/entry/paste.ts';

const press = (key: string, opts: { shift?: boolean; start?: boolean; end?: boolean } = {}) => ({
  key,
  shift: opts.shift ?? false,
  caretAtStart: opts.start ?? false,
  caretAtEnd: opts.end ?? false,
});

describe('entry grid keys (3 rows × 4 columns)', () => {
  const at = (row: number, col: number) => ({ row, col });
  const move = (from: { row: number; col: number }, p: ReturnType<typeof press>) => moveFor(from, p, 3, 4);

  test('Tab moves right and wraps to the next row; on the last cell it adds a row', () => {
    expect(move(at(0, 1), press('Tab'))).toEqual({ to: at(0, 2), addRow: false });
    expect(move(at(0, 3), press('Tab'))).toEqual({ to: at(1, 0), addRow: false });
    expect(move(at(2, 3), press('Tab'))).toEqual({ to: at(3, 0), addRow: true });
  });

  test('Shift+Tab moves left and wraps to the previous row; from the first cell it leaves the grid', () => {
    expect(move(at(1, 2), press('Tab', { shift: true }))).toEqual({ to: at(1, 1), addRow: false });
    expect(move(at(1, 0), press('Tab', { shift: true }))).toEqual({ to: at(0, 3), addRow: false });
    expect(move(at(0, 0), press('Tab', { shift: true }))).toBeNull();
  });

  test('Enter goes down the same column, adding a row on the last; Shift+Enter goes up', () => {
    expect(move(at(0, 2), press('Enter'))).toEqual({ to: at(1, 2), addRow: false });
    expect(move(at(2, 2), press('Enter'))).toEqual({ to: at(3, 2), addRow: true });
    expect(move(at(2, 2), press('Enter', { shift: true }))).toEqual({ to: at(1, 2), addRow: false });
    expect(move(at(0, 2), press('Enter', { shift: true }))).toBeNull();
  });

  test('up and down move between rows and stop at the edges', () => {
    expect(move(at(1, 1), press('ArrowDown'))).toEqual({ to: at(2, 1), addRow: false });
    expect(move(at(2, 1), press('ArrowDown'))).toBeNull();
    expect(move(at(1, 1), press('ArrowUp'))).toEqual({ to: at(0, 1), addRow: false });
    expect(move(at(0, 1), press('ArrowUp'))).toBeNull();
  });

  test('left and right move the caret inside a value until it is at the edge, then move cells', () => {
    expect(move(at(1, 1), press('ArrowRight'))).toBeNull();
    expect(move(at(1, 1), press('ArrowRight', { end: true }))).toEqual({ to: at(1, 2), addRow: false });
    expect(move(at(1, 3), press('ArrowRight', { end: true }))).toBeNull();
    expect(move(at(1, 1), press('ArrowLeft', { end: true }))).toBeNull();
    expect(move(at(1, 1), press('ArrowLeft', { start: true }))).toEqual({ to: at(1, 0), addRow: false });
    expect(move(at(1, 0), press('ArrowLeft', { start: true }))).toBeNull();
  });

  test('other keys are left to the cell', () => {
    expect(move(at(1, 1), press('a'))).toBeNull();
    expect(move(at(1, 1), press('Home', { start: true, end: true }))).toBeNull();
  });
});

describe('pasting a block from a spreadsheet', () => {
  const columns = ['a', 'b', 'c'] as const;
  type Row = Record<(typeof columns)[number], string>;
  const blank = (): Row => ({ a: '', b: '', c: '' });

  test('a block is text with tabs or more than one line; one value is not', () => {
    expect(isBlock('480')).toBe(false);
    expect(isBlock('480\n')).toBe(false);
    expect(isBlock('480\t3')).toBe(true);
    expect(isBlock('480\r\n500')).toBe(true);
  });

  test('rows on lines, cells on tabs; Windows line ends and the trailing break are read as a spreadsheet writes them', () => {
    expect(parseBlock('Line 1\t480\t3\r\nLine 2\t500\t0\r\n')).toEqual([
      ['Line 1', '480', '3'],
      ['Line 2', '500', '0'],
    ]);
    expect(parseBlock('a\t\tc\n')).toEqual([['a', '', 'c']]);
  });

  test('cells land from the focused cell; rows are added as needed and cells past the last column dropped', () => {
    const rows: Row[] = [{ a: 'keep', b: 'old', c: 'old' }];
    const out = pasteInto(rows, { row: 0, col: 1 }, parseBlock('1\t2\t3\n4\t5\n6'), columns, blank);
    expect(out.added).toBe(2);
    expect(out.rows).toEqual([
      { a: 'keep', b: '1', c: '2' },
      { a: '', b: '4', c: '5' },
      { a: '', b: '6', c: '' },
    ]);
    // The rows given are not changed in place.
    expect(rows[0]).toEqual({ a: 'keep', b: 'old', c: 'old' });
  });
});
