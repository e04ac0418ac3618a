import type { Cell, Column } from './model.ts';

const DECIMALS = { number: 2, percent: 1 } as const;

/** Up to `decimals` decimals, without trailing zeros, with thousands separators: 1,234.5. */
function numberText(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

/** A cell as text (the PDF's tables): numbers rounded, percentages with %, dates as YYYY-MM-DD (UTC). */
export function cellText(cell: Cell, column: Column): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string') return cell;
  switch (column.type) {
    case 'integer':
      return numberText(cell, 0);
    case 'number':
      return numberText(cell, column.decimals ?? DECIMALS.number);
    case 'percent':
      return `${numberText(cell * 100, column.decimals ?? DECIMALS.percent)} %`;
    case 'date':
      return new Date(cell).toISOString().slice(0, 10);
    case 'datetime':
      return `${new Date(cell).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    default:
      return String(cell);
  }
}

/** A number on a chart's axis: 1.2k for thousands, up to 2 decimals below. */
export function axisText(value: number): string {
  if (Math.abs(value) >= 10_000) return `${numberText(value / 1000, 1)}k`;
  return numberText(value, Math.abs(value) >= 100 ? 0 : 2);
}
