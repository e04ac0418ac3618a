import { useQuery } from '@rocicorp/zero/solid';
import { createMemo } from 'solid-js';
import { DEFAULT_CATEGORIES, DEFAULT_UNITS, type FREQUENCIES } from '../../../shared/kpi.ts';
import { queries } from '../../../sync/queries.ts';
import type { SelectOption } from '../../components/select-field.tsx';

export const unitLabel = (unit: string): string => (unit === '' ? 'No unit' : unit);
export const categoryLabel = (category: string): string => category.charAt(0).toUpperCase() + category.slice(1);

export const FREQUENCY_LABELS: Record<(typeof FREQUENCIES)[number], string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
};

/** Adds `current` when it is not in the list (a value set before the list changed stays choosable). */
function withCurrent(values: readonly string[], current: string | undefined): string[] {
  return current === undefined || values.includes(current) ? [...values] : [...values, current];
}

/**
 * The unit and category lists: the predefined ones plus the organization's
 * additions (kpi_option rows, live).
 */
export function useKpiOptions(orgID: () => string) {
  const [rows, details] = useQuery(() => queries.kpiOptions.list({ orgID: orgID() }));
  const extra = (kind: 'unit' | 'category') =>
    rows()
      .filter((o) => o.kind === kind)
      .map((o) => o.value);
  const units = createMemo(() => [...DEFAULT_UNITS, ...extra('unit')]);
  const categories = createMemo(() => [...DEFAULT_CATEGORIES, ...extra('category')]);
  return {
    rows,
    details,
    units,
    categories,
    unitOptions: (current?: string): SelectOption[] =>
      withCurrent(units(), current).map((u) => ({ value: u, label: unitLabel(u) })),
    categoryOptions: (current?: string): SelectOption[] =>
      withCurrent(categories(), current).map((c) => ({ value: c, label: categoryLabel(c) })),
  };
}
