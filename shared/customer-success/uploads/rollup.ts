import type { KpiValue, UploadMode, UploadRow } from './layout.ts';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The value each KPI of the account gets from the validated rows. Corporate:
 * each row is one KPI. Rollup: a KPI's rows (one per business unit) become
 * one value, their mean weighted by each row's Weight (all weights 0: the
 * plain mean); the KPI's weight is the mean of the rows' weights; its
 * frequency the first row's. Order: as the KPIs first appear.
 */
export function kpiValues(rows: readonly UploadRow[], mode: UploadMode): KpiValue[] {
  if (mode === 'corporate') {
    return rows.map(({ name, category, value, weight, frequency }) => ({ name, category, value, weight, frequency }));
  }
  const groups = new Map<string, UploadRow[]>();
  for (const r of rows) {
    const key = r.name.trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const total = group.reduce((n, r) => n + r.weight, 0);
    const value = total > 0 ? group.reduce((n, r) => n + r.value * r.weight, 0) / total : mean(group.map((r) => r.value));
    return {
      name: first.name,
      category: first.category,
      value: Math.round(value * 1e6) / 1e6,
      weight: mean(group.map((r) => r.weight)),
      frequency: first.frequency,
    };
  });
}
