import { cellText } from './cell-text.ts';
import type { Table } from './model.ts';

type Doc = PDFKit.PDFDocument;

const FONT = 8;
const ROW = 14;
const PAD = 3;

/** Column widths: text columns share what the fixed-width number and date columns leave. */
function widths(table: Table, total: number): number[] {
  const fixed = { integer: 55, number: 60, percent: 55, date: 62, datetime: 88 } as const;
  const used = table.columns.reduce((s, c) => s + (c.type === 'text' ? 0 : fixed[c.type]), 0);
  const texts = table.columns.filter((c) => c.type === 'text').length;
  const share = texts === 0 ? 0 : Math.max(50, (total - used) / texts);
  const raw = table.columns.map((c) => (c.type === 'text' ? share : fixed[c.type]));
  const scale = Math.min(1, total / raw.reduce((s, w) => s + w, 0));
  return raw.map((w) => w * scale);
}

/**
 * Draws `table` from the current position down, starting a new page (and
 * repeating the header row) whenever the next row would not fit. `newPage`
 * adds a page and returns the y where content starts on it.
 */
export function drawTable(doc: Doc, table: Table, newPage: () => number): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const cols = widths(table, width);
  let y = doc.y;
  if (y + 18 + ROW * 2 > bottom()) y = newPage();
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#111827').text(table.title, left, y, { lineBreak: false });
  y += 18;
  const row = (cells: string[], header: boolean) => {
    if (header) doc.rect(left, y, width, ROW).fillColor('#f3f4f6').fill();
    doc
      .font(header ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(FONT)
      .fillColor('#111827');
    let x = left;
    cells.forEach((text, i) => {
      const w = cols[i] ?? 50;
      const numeric = table.columns[i]?.type !== 'text';
      doc.text(text, x + PAD, y + PAD + 1, {
        width: w - PAD * 2,
        height: ROW,
        lineBreak: false,
        ellipsis: true,
        align: numeric ? 'right' : 'left',
      });
      x += w;
    });
    doc
      .moveTo(left, y + ROW)
      .lineTo(left + width, y + ROW)
      .lineWidth(0.3)
      .strokeColor('#d1d5db')
      .stroke();
    y += ROW;
  };
  const headers = table.columns.map((c) => c.header);
  row(headers, true);
  if (table.rows.length === 0) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(FONT + 1)
      .fillColor('#4b5563')
      .text(table.emptyText ?? 'No rows.', left + PAD, y + PAD);
    y += ROW + 4;
  }
  for (const cells of table.rows) {
    if (y + ROW > bottom()) {
      y = newPage();
      row(headers, true);
    }
    row(
      cells.map((c, i) => cellText(c, table.columns[i] ?? { header: '', type: 'text' })),
      false,
    );
  }
  doc.x = left;
  doc.y = y + 12;
}
