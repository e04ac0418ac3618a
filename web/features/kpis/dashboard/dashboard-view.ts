import type { Kpi } from '../../../../sync/schema.ts';
import { progressOf, STATUS_RANK, statusOf } from '../kpi-status.ts';
import type { Placed } from './layout.ts';

export const SORT_KEYS = ['layout', 'name', 'progress', 'updated', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
  layout: 'My arrangement',
  name: 'Name (A–Z)',
  progress: 'Progress (lowest first)',
  updated: 'Last updated',
  status: 'Status (worst first)',
};

export const isSortKey = (v: unknown): v is SortKey => (SORT_KEYS as readonly unknown[]).includes(v);

type Row = Pick<Kpi, 'name' | 'category' | 'currentValue' | 'currentAt' | 'updatedAt' | 'target' | 'direction'>;

/** Name contains the search (any case, any accents), and the category matches when one is chosen. */
export function filterPlaced<T extends Row>(placed: readonly Placed<T>[], search: string, category: string): Placed<T>[] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const needle = fold(search.trim());
  return placed.filter((p) => (!category || p.kpi.category === category) && (!needle || fold(p.kpi.name).includes(needle)));
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Ordered by the key; ties (and "My arrangement") keep the arrangement's order. */
export function sortPlaced<T extends Row>(placed: readonly Placed<T>[], key: SortKey): Placed<T>[] {
  if (key === 'layout') return [...placed];
  const lastMoved = (k: Row) => k.currentAt ?? k.updatedAt;
  const compare: Record<Exclude<SortKey, 'layout'>, (a: Row, b: Row) => number> = {
    name: (a, b) => byName.compare(a.name, b.name),
    // KPIs without data go last: nothing to act on yet.
    progress: (a, b) => (progressOf(a) ?? 2) - (progressOf(b) ?? 2),
    updated: (a, b) => lastMoved(b) - lastMoved(a),
    status: (a, b) => STATUS_RANK[statusOf(a)] - STATUS_RANK[statusOf(b)] || (progressOf(a) ?? 2) - (progressOf(b) ?? 2),
  };
  return placed
    .map((p, i) => ({ p, i }))
    .sort((a, b) => compare[key](a.p.kpi, b.p.kpi) || a.i - b.i)
    .map(({ p }) => p);
}
