import 'gridstack/dist/gridstack.min.css';
import { type GridItemHTMLElement, GridStack, type GridStackNode } from 'gridstack';
import { createEffect, createMemo, createSignal, For, type JSX, on, onCleanup, onMount, Show } from 'solid-js';
import { GRID_COLUMNS } from '../../../shared/dashboards/grid.ts';
import type { WidgetRow } from './dashboard-data.ts';

/** A widget's new place, as widget.move takes it. */
export interface Move {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DashboardGridProps {
  items: readonly WidgetRow[];
  /** Arrange mode: drag, resize and the keyboard handle. */
  arranging: boolean;
  /** Row height in pixels (a wall screen uses taller rows). */
  cellHeight: number;
  /** Places changed by one gesture (the grid may push others aside): save them together. */
  onMove: (moves: Move[]) => void;
  /** The widget the person holds (for "Ana is moving …"), or null when they let go. */
  onHold?: (widgetID: string | null) => void;
  /** The widget's content. */
  render: (item: WidgetRow, handle: JSX.Element) => JSX.Element;
}

/** Below this width the grid shows one column, in reading order (arranging is for wider screens). */
const ONE_COLUMN_BELOW_PX = 700;

/**
 * The dashboard's responsive grid (gridstack, the maintained grid layout
 * library: drag, resize, push aside, one column on phones). Positions are
 * synced rows: a person's gesture is saved as moves, and other people's
 * moves are applied as they arrive, without being saved again. The
 * keyboard handle on each widget is the accessible way to do the same
 * (arrows move, Shift+arrows resize).
 */
export function DashboardGrid(props: DashboardGridProps) {
  let gridEl!: HTMLDivElement;
  let grid: GridStack | undefined;
  /** True while applying synced positions: the grid's change events are then not the person's moves. */
  let applying = false;
  /** The widget the person is dragging or resizing: synced positions wait until they let go. */
  let held: string | null = null;
  const [announcement, setAnnouncement] = createSignal('');
  // In id order, which a move never changes: gridstack reorders the items in
  // the DOM by position (reading and tab order), and a list that Solid also
  // reordered after each move would fight it and lose an item.
  const ids = createMemo(() => props.items.map((i) => i.id).sort(), undefined, {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  });
  const byId = createMemo(() => new Map(props.items.map((i) => [i.id, i])));

  const moveOf = (n: GridStackNode): Move => ({ id: String(n.id), x: n.x ?? 0, y: n.y ?? 0, w: n.w ?? 1, h: n.h ?? 1 });
  const wide = () => (grid?.getColumn() ?? GRID_COLUMNS) === GRID_COLUMNS;

  onMount(() => {
    grid = GridStack.init(
      {
        column: GRID_COLUMNS,
        cellHeight: props.cellHeight,
        margin: 6,
        mode: 'float',
        animate: false,
        staticGrid: !props.arranging,
        columnOpts: { breakpoints: [{ w: ONE_COLUMN_BELOW_PX, c: 1 }], layout: 'list' },
      },
      gridEl,
    ) as GridStack;
    grid.on('change', (_event, nodes) => {
      if (applying || !props.arranging || !wide()) return;
      props.onMove(nodes.map(moveOf));
    });
    grid.on('dragstart resizestart', (_event: Event, el: GridItemHTMLElement) => {
      held = el.gridstackNode?.id ? String(el.gridstackNode.id) : null;
      props.onHold?.(held);
    });
    grid.on('dragstop resizestop', () => {
      held = null;
      props.onHold?.(null);
    });
  });
  onCleanup(() => grid?.destroy(false));

  createEffect(
    on(
      () => props.arranging,
      (arranging) => grid?.setStatic(!arranging),
    ),
  );
  createEffect(
    on(
      () => props.cellHeight,
      (h) => grid?.cellHeight(h),
    ),
  );

  /** A synced position, applied without saving it back. */
  const place = (el: GridItemHTMLElement, cell: Move) => {
    const n = el.gridstackNode;
    if (!grid || !n || (n.x === cell.x && n.y === cell.y && n.w === cell.w && n.h === cell.h)) return;
    applying = true;
    try {
      grid.update(el, { x: cell.x, y: cell.y, w: cell.w, h: cell.h });
    } finally {
      applying = false;
    }
  };

  /** Arrow keys move the held widget one cell; Shift+arrows resize it. Saved like a drag. */
  const onHandleKey = (item: WidgetRow, el: GridItemHTMLElement, e: KeyboardEvent) => {
    const delta: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const d = delta[e.key];
    const n = el.gridstackNode;
    if (!d || !grid || !n) return;
    e.preventDefault();
    const [dx, dy] = d;
    const next = e.shiftKey
      ? { w: Math.max(1, Math.min(GRID_COLUMNS - (n.x ?? 0), (n.w ?? 1) + dx)), h: Math.max(1, (n.h ?? 1) + dy) }
      : { x: Math.max(0, Math.min(GRID_COLUMNS - (n.w ?? 1), (n.x ?? 0) + dx)), y: Math.max(0, (n.y ?? 0) + dy) };
    grid.update(el, next);
    const after = el.gridstackNode;
    if (!after) return;
    setAnnouncement(
      e.shiftKey
        ? `${item.row.type} widget is now ${after.w} columns wide and ${after.h} rows tall.`
        : `${item.row.type} widget moved to column ${(after.x ?? 0) + 1}, row ${(after.y ?? 0) + 1}.`,
    );
  };

  return (
    <>
      <div class="grid-stack dashboard-grid" ref={gridEl} data-arranging={props.arranging ? '' : undefined}>
        <For each={ids()}>
          {(id) => {
            let el!: HTMLDivElement & GridItemHTMLElement;
            const item = () => byId().get(id);
            onMount(() => {
              // The grid takes up the items already in the DOM when it starts; later ones are added here.
              if (!el.gridstackNode) grid?.makeWidget(el);
            });
            onCleanup(() => grid?.removeWidget(el, false, false));
            // Only when this widget's synced place changes (another person's
            // move, or this person's own coming back), never because some
            // other row changed: re-placing every widget on each sync would
            // yank a widget from under a drag in progress.
            const synced = createMemo(
              () => {
                const i = item();
                return i ? { id: i.id, x: i.x, y: i.y, w: i.w, h: i.h } : undefined;
              },
              undefined,
              { equals: (a, b) => a?.x === b?.x && a?.y === b?.y && a?.w === b?.w && a?.h === b?.h },
            );
            createEffect(
              on(synced, (cell) => {
                if (cell && held !== id) place(el, cell);
              }),
            );
            const handle = (
              <Show when={props.arranging && item()}>
                {(i) => (
                  <button
                    type="button"
                    class="widget-handle"
                    aria-label={`Move or resize this ${i().row.type} widget`}
                    aria-describedby="widget-handle-help"
                    onKeyDown={(e) => onHandleKey(i(), el, e)}
                    onFocus={() => props.onHold?.(id)}
                    onBlur={() => props.onHold?.(null)}
                  >
                    <span aria-hidden="true">⠿</span>
                  </button>
                )}
              </Show>
            );
            return (
              <div
                class="grid-stack-item"
                ref={el}
                gs-id={id}
                gs-x={item()?.x}
                gs-y={item()?.y}
                gs-w={item()?.w}
                gs-h={item()?.h}
              >
                <div class="grid-stack-item-content">
                  <Show when={item()}>{(i) => props.render(i(), handle)}</Show>
                </div>
              </div>
            );
          }}
        </For>
      </div>
      <p id="widget-handle-help" class="visually-hidden">
        Arrow keys move the widget one cell; Shift with an arrow key makes it wider, narrower, taller or shorter.
      </p>
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
    </>
  );
}
