import type { Formats } from '../../../../shared/formats.ts';
import type { InferredValue, KpiResult } from '../../../../shared/shop-floor/calculate.ts';
import { HISTORY_DAYS } from '../../../../shared/shop-floor/inference.ts';
import type { DashboardKpi, DashboardResult } from '../../../../shared/shop-floor/line-dashboard.ts';

/** The dashboard's KPIs as people name them. */
export const KPI_LABELS: Record<DashboardKpi, string> = {
  oee: 'OEE',
  availability: 'Availability',
  performance: 'Performance',
  quality: 'Quality',
  efficiency: 'Efficiency',
  otd: 'On-time delivery',
  ppm: 'Defective PPM',
};

/** A KPI's value in its unit ("74.8%", "1,250 ppm"), or "—" when it has none. */
export function kpiValueText(fmt: Formats, r: Pick<KpiResult, 'value' | 'unit'>): string {
  if (r.value === null) return '—';
  if (r.unit === '%') return fmt.quantity(Math.round(r.value * 10) / 10, '%');
  return `${fmt.number(Math.round(r.value))} ${r.unit}`;
}

/** The value shown with or without estimates: without, the rows that needed one are left out. */
export const shownResult = (r: DashboardResult, withEstimates: boolean): KpiResult =>
  withEstimates || !r.measured ? r : r.measured;

const FIELD_NAMES: Record<InferredValue['field'], string> = {
  idealCycleSeconds: 'ideal cycle time',
  employees: 'employee count',
  shiftHours: 'shift length',
  opportunitiesPerUnit: 'defect opportunities per unit',
};
const SOURCE_NAMES: Record<InferredValue['source'], string> = {
  product: "the product's configuration",
  history: `its ${HISTORY_DAYS}-day history`,
  default: "the organization's default",
};

/** "31.26 s", "4.5 employees", "8 h": an inferred value in its unit. */
export function inferredValueText(fmt: Formats, i: InferredValue): string {
  const n = fmt.number(Math.round(i.value * 100) / 100);
  if (i.field === 'idealCycleSeconds') return `${n} s`;
  if (i.field === 'shiftHours') return `${n} h`;
  return i.field === 'employees' ? `${n} employees` : n;
}

/** "ideal cycle time of PRT-900 · Prototype bracket: 31.26 s, from its 30-day history, confidence 0.85 (4 shift rows)". */
export function estimateText(fmt: Formats, i: InferredValue, productName: string | undefined): string {
  const of = productName ? ` of ${productName}` : '';
  const rows = i.rows.length === 1 ? '1 shift row' : `${i.rows.length} shift rows`;
  return `Estimated ${FIELD_NAMES[i.field]}${of}: ${inferredValueText(fmt, i)}, from ${SOURCE_NAMES[i.source]}, confidence ${i.confidence} (${rows})`;
}
