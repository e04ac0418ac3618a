import { axisText } from './cell-text.ts';
import type { BarChart, Chart, LineChart } from './model.ts';

/**
 * Charts drawn with PDFKit's vector primitives (lines, rectangles, text), so
 * they stay sharp at any zoom and need no browser or canvas on the server.
 */

type Doc = PDFKit.PDFDocument;
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const CHART_HEIGHT = 190;
const COLORS = { axis: '#6b7280', grid: '#e5e7eb', series: '#2563eb', target: '#dc2626', bar: '#2563eb', line: '#d97706' };
const TICKS = 4;
const FONT = 7;

/** A "nice" upper bound for an axis from 0: 1, 2, 2.5 or 5 times a power of ten. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

/** The plot area inside a chart's box, after its title and axis labels. */
function plotArea(box: Box, rightAxis: boolean): Box {
  const left = 42;
  const right = rightAxis ? 36 : 12;
  return { x: box.x + left, y: box.y + 18, width: box.width - left - right, height: box.height - 18 - 34 };
}

function frame(doc: Doc, chart: Chart, box: Box, plot: Box, bounds: { min: number; max: number }) {
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .fillColor('#111827')
    .text(chart.title, box.x, box.y, { width: box.width, lineBreak: false });
  doc.font('Helvetica').fontSize(FONT);
  for (let i = 0; i <= TICKS; i++) {
    const value = bounds.min + ((bounds.max - bounds.min) * i) / TICKS;
    const y = plot.y + plot.height - (plot.height * i) / TICKS;
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(0.5)
      .strokeColor(COLORS.grid)
      .stroke();
    doc.fillColor(COLORS.axis).text(axisText(value), box.x, y - 3, { width: 38, align: 'right', lineBreak: false });
  }
  doc
    .moveTo(plot.x, plot.y)
    .lineTo(plot.x, plot.y + plot.height)
    .lineTo(plot.x + plot.width, plot.y + plot.height);
  doc.lineWidth(0.8).strokeColor(COLORS.axis).stroke();
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function drawLine(doc: Doc, chart: LineChart, box: Box) {
  const plot = plotArea(box, false);
  const points = chart.series.flatMap((s) => s.points);
  const ys = [...points.map((p) => p.y), ...(chart.target === undefined ? [] : [chart.target])];
  const min = Math.min(0, ...ys);
  const max = niceMax(Math.max(...ys) - min) + min;
  const xs = points.map((p) => p.x);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const px = (x: number) => (x1 === x0 ? plot.x + plot.width / 2 : plot.x + ((x - x0) / (x1 - x0)) * plot.width);
  const py = (y: number) => plot.y + plot.height - ((y - min) / (max - min)) * plot.height;
  frame(doc, chart, box, plot, { min, max });
  doc.fillColor(COLORS.axis).fontSize(FONT);
  doc.text(day(x0), plot.x, plot.y + plot.height + 4, { lineBreak: false });
  if (x1 !== x0)
    doc.text(day(x1), plot.x + plot.width - 60, plot.y + plot.height + 4, { width: 60, align: 'right', lineBreak: false });
  if (chart.target !== undefined) {
    const y = py(chart.target);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .dash(3, { space: 3 })
      .lineWidth(0.8)
      .strokeColor(COLORS.target)
      .stroke();
    doc.undash();
    doc.fillColor(COLORS.target).text(`Target ${axisText(chart.target)}`, plot.x + plot.width - 80, y - 9, {
      width: 80,
      align: 'right',
      lineBreak: false,
    });
  }
  for (const series of chart.series) {
    series.points.forEach((p, i) => {
      if (i === 0) doc.moveTo(px(p.x), py(p.y));
      else doc.lineTo(px(p.x), py(p.y));
    });
    if (series.points.length > 1) doc.lineWidth(1.2).strokeColor(COLORS.series).stroke();
    for (const p of series.points) doc.circle(px(p.x), py(p.y), 1.6).fillColor(COLORS.series).fill();
  }
}

function drawBars(doc: Doc, chart: BarChart, box: Box) {
  const plot = plotArea(box, chart.cumulative !== undefined);
  const max = niceMax(Math.max(...chart.bars.map((b) => b.value)));
  frame(doc, chart, box, plot, { min: 0, max });
  const slot = plot.width / chart.bars.length;
  const width = Math.min(48, slot * 0.7);
  chart.bars.forEach((bar, i) => {
    const height = (Math.max(0, bar.value) / max) * plot.height;
    const x = plot.x + slot * i + (slot - width) / 2;
    doc
      .rect(x, plot.y + plot.height - height, width, height)
      .fillColor(COLORS.bar)
      .fill();
    doc
      .fillColor(COLORS.axis)
      .fontSize(FONT)
      .text(bar.label, plot.x + slot * i, plot.y + plot.height + 4, {
        width: slot,
        height: 26,
        align: 'center',
        ellipsis: true,
      });
  });
  const cumulative = chart.cumulative;
  if (cumulative === undefined) return;
  const py = (share: number) => plot.y + plot.height - (share / 100) * plot.height;
  cumulative.forEach((share, i) => {
    const x = plot.x + slot * i + slot / 2;
    if (i === 0) doc.moveTo(x, py(share));
    else doc.lineTo(x, py(share));
  });
  doc.lineWidth(1.2).strokeColor(COLORS.line).stroke();
  for (let i = 0; i <= TICKS; i++) {
    const share = (100 * i) / TICKS;
    doc.fillColor(COLORS.line).text(`${share} %`, plot.x + plot.width + 4, py(share) - 3, { width: 32, lineBreak: false });
  }
}

/** Draws `chart` in `box` (top-left origin, points). */
export function drawChart(doc: Doc, chart: Chart, box: Box): void {
  doc.save();
  if (chart.kind === 'line') drawLine(doc, chart, box);
  else drawBars(doc, chart, box);
  doc.restore();
}
