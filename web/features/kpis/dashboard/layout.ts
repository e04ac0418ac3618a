import type { LayoutItem } from '../../../../sync/schema.ts';

export type Width = LayoutItem['w'];
export type Height = LayoutItem['h'];

/** A KPI with its place on a person's dashboard. */
export interface Placed<T> {
  kpi: T;
  w: Width;
  h: Height;
}

const MAX_W = 3;
const MAX_H = 2;

const width = (n: unknown): Width => (n === 2 || n === 3 ? n : 1);
const height = (n: unknown): Height => (n === 2 ? 2 : 1);

/**
 * The person's saved arrangement applied to the KPIs there are now: saved
 * ones in their saved order and size, then any KPI not in the layout (new
 * since it was saved) at the end in the given order. KPIs that are gone
 * (archived, deleted) simply drop out.
 */
export function applyLayout<T extends { id: string }>(
  kpis: readonly T[],
  saved: readonly LayoutItem[] | null | undefined,
): Placed<T>[] {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const placed: Placed<T>[] = [];
  const seen = new Set<string>();
  for (const item of Array.isArray(saved) ? saved : []) {
    const kpi = byId.get(item?.kpiID);
    if (!kpi || seen.has(kpi.id)) continue;
    seen.add(kpi.id);
    placed.push({ kpi, w: width(item.w), h: height(item.h) });
  }
  for (const kpi of kpis) if (!seen.has(kpi.id)) placed.push({ kpi, w: 1, h: 1 });
  return placed;
}

/** What is saved: every KPI shown, in order, with its size. */
export function toLayout<T extends { id: string }>(placed: readonly Placed<T>[]): LayoutItem[] {
  return placed.map((p) => ({ kpiID: p.kpi.id, w: p.w, h: p.h }));
}

/** The arrangement with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(placed: readonly Placed<T>[], index: number, delta: number): Placed<T>[] {
  const to = Math.max(0, Math.min(placed.length - 1, index + delta));
  if (to === index || index < 0 || index >= placed.length) return [...placed];
  const next = [...placed];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}

/** The arrangement with the item at `index` grown or shrunk (within 1-3 columns, 1-2 rows). */
export function resizeItem<T>(placed: readonly Placed<T>[], index: number, dw: number, dh: number): Placed<T>[] {
  return placed.map((p, i) =>
    i === index
      ? { ...p, w: width(Math.max(1, Math.min(MAX_W, p.w + dw))), h: height(Math.max(1, Math.min(MAX_H, p.h + dh))) }
      : p,
  );
}

export const canGrow = (p: { w: Width }) => p.w < MAX_W;
export const canShrink = (p: { w: Width }) => p.w > 1;
export const canHeighten = (p: { h: Height }) => p.h < MAX_H;
export const canLower = (p: { h: Height }) => p.h > 1;
