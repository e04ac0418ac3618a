import type { ProductionCells } from '../entry/production-row.ts';

/** What a check-in starts with next time: the last line, shift and work order used (and today). */
export const REMEMBERED = ['line', 'shift', 'workOrder'] as const;
type Remembered = Pick<ProductionCells, (typeof REMEMBERED)[number]>;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export const defaultsKey = (orgID: string, userID: string) => `liveKpi.checkInDefaults.${orgID}.${userID}`;

export function loadDefaults(store: Store, key: string): Partial<Remembered> {
  try {
    const parsed: unknown = JSON.parse(store.getItem(key) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Partial<Remembered> = {};
    for (const k of REMEMBERED) {
      const v = (parsed as Record<string, unknown>)[k];
      if (typeof v === 'string') out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

export function rememberDefaults(store: Store, key: string, cells: ProductionCells) {
  try {
    store.setItem(key, JSON.stringify(Object.fromEntries(REMEMBERED.map((k) => [k, cells[k]]))));
  } catch {
    // Storage refused: the next check-in starts blank.
  }
}
