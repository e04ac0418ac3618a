/**
 * The dashboard grid: 12 columns, rows of a fixed height, as wide screens
 * show it (narrow screens reflow it). Positions are whole cells from the top
 * left; the limits bound what a REST script or a rogue client may store.
 */
export const GRID_COLUMNS = 12;
export const GRID_MAX_ROWS = 200;
export const WIDGET_MAX_H = 12;
export const DASHBOARD_WIDGETS_MAX = 60;

export interface Cell {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Whether two placed widgets share a cell. */
export function overlaps(a: Cell, b: Cell): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The first free spot for a widget of `size` below or beside the ones placed (top to bottom, left to right). */
export function firstFreeSpot(placed: readonly Cell[], size: { w: number; h: number }): Cell {
  const w = Math.min(size.w, GRID_COLUMNS);
  for (let y = 0; y < GRID_MAX_ROWS; y++) {
    for (let x = 0; x + w <= GRID_COLUMNS; x++) {
      const cell = { x, y, w, h: size.h };
      if (!placed.some((p) => overlaps(p, cell))) return cell;
    }
  }
  return { x: 0, y: Math.max(0, ...placed.map((p) => p.y + p.h)), w, h: size.h };
}
