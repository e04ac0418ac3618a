import PDFDocument from 'pdfkit';
import type { ReportModel } from './model.ts';
import { CHART_HEIGHT, drawChart } from './pdf-charts.ts';
import { drawTable } from './pdf-table.ts';

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
/** Room above the content for the running header, and below it for the page number. */
const HEADER = 36;
const FOOTER = 28;

/** The organization, the report and its period at the top of every page; "Page n of m" at the bottom. */
function stampPages(doc: Doc, model: ReportModel) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    const inner = width - MARGIN * 2;
    // Writing in the margins: keep PDFKit from starting a page for text below the bottom margin.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#111827');
    doc.text(model.organization, MARGIN, MARGIN - 14, { width: inner / 2, lineBreak: false, ellipsis: true });
    doc.font('Helvetica').fillColor('#4b5563');
    doc.text(`${model.title} · ${model.period.label}`, MARGIN + inner / 2, MARGIN - 14, {
      width: inner / 2,
      align: 'right',
      lineBreak: false,
      ellipsis: true,
    });
    doc
      .moveTo(MARGIN, MARGIN)
      .lineTo(width - MARGIN, MARGIN)
      .lineWidth(0.5)
      .strokeColor('#d1d5db')
      .stroke();
    doc.fontSize(8).text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, height - MARGIN + 8, {
      width: inner,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}

function titleBlock(doc: Doc, model: ReportModel) {
  const left = MARGIN;
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#111827').text(model.title, left, doc.y);
  doc.font('Helvetica').fontSize(10).fillColor('#4b5563');
  doc.text(`${model.organization} · Period: ${model.period.label}`);
  doc.text(`Generated ${new Date(model.generatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  doc.moveDown(0.8);
  if (model.figures.length > 0) {
    const width = (doc.page.width - MARGIN * 2) / model.figures.length;
    const y = doc.y;
    model.figures.forEach((f, i) => {
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#4b5563')
        .text(f.label, left + i * width, y, { width, lineBreak: false });
      doc
        .font('Helvetica-Bold')
        .fontSize(14)
        .fillColor('#111827')
        .text(f.value, left + i * width, y + 11, { width, lineBreak: false });
    });
    doc.x = left;
    doc.y = y + 34;
  }
  for (const note of model.notes) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(10)
      .fillColor('#92400e')
      .text(note, left, doc.y, { width: doc.page.width - MARGIN * 2 });
    doc.moveDown(0.3);
  }
  doc.moveDown(0.6);
}

/**
 * The report as a PDF (A4 landscape): a title block with the key figures and
 * notes, the charts two to a row, then the tables; the running header and
 * page numbers are stamped once every page exists (pages are buffered).
 */
export function renderPdf(model: ReportModel): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN + HEADER - 20, bottom: MARGIN + FOOTER - 16, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${model.title} (${model.period.label})`, Author: model.organization, Creator: 'Live KPI platform' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const newPage = () => {
    doc.addPage();
    return doc.page.margins.top;
  };
  titleBlock(doc, model);

  const inner = doc.page.width - MARGIN * 2;
  const gap = 20;
  const chartWidth = (inner - gap) / 2;
  for (let i = 0; i < model.charts.length; i += 2) {
    let y = doc.y;
    if (y + CHART_HEIGHT > doc.page.height - doc.page.margins.bottom) y = newPage();
    model.charts.slice(i, i + 2).forEach((chart, j) => {
      drawChart(doc, chart, { x: MARGIN + j * (chartWidth + gap), y, width: chartWidth, height: CHART_HEIGHT });
    });
    doc.x = MARGIN;
    doc.y = y + CHART_HEIGHT + 12;
  }
  for (const table of model.tables) drawTable(doc, table, newPage);
  stampPages(doc, model);
  doc.end();
  return done;
}
