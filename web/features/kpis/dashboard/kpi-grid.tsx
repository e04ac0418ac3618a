import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { arrangeButtonSelector } from './arrange-controls.tsx';
import { type DashboardKpi, KPICard } from './kpi-card.tsx';
import { moveItem, type Placed, resizeItem } from './layout.ts';

export interface KpiGridProps {
  items: readonly Placed<DashboardKpi>[];
  arranging: boolean;
  canAddData: boolean;
  now: number;
  /** A new arrangement to save (arrange mode only). */
  onArrange: (next: Placed<DashboardKpi>[]) => void;
}

type Focus = { kpiID: string; action: 'earlier' | 'later' | 'wider' | 'narrower' | 'taller' | 'shorter' };

/**
 * The cards, each at its size. Cards are keyed by KPI id, so a live update
 * or a new order never rebuilds a card (a half-typed value survives).
 */
export function KpiGrid(props: KpiGridProps) {
  const ids = createMemo(() => props.items.map((p) => p.kpi.id), undefined, {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  });
  const byId = createMemo(() => new Map(props.items.map((p, index) => [p.kpi.id, { placed: p, index }])));
  const [announcement, setAnnouncement] = createSignal('');
  const [focus, setFocus] = createSignal<Focus>();

  // Moving a card moves its DOM node, which drops focus; put it back on the
  // button that was pressed once the new order has rendered.
  createEffect(
    on(ids, () => {
      const target = focus();
      if (!target) return;
      queueMicrotask(() => {
        const active = document.activeElement;
        if (active && active !== document.body) return;
        document.querySelector<HTMLElement>(arrangeButtonSelector(target.kpiID, target.action))?.focus();
      });
    }),
  );

  const move = (index: number, delta: -1 | 1) => {
    const next = moveItem(props.items, index, delta);
    const item = props.items[index]!;
    const to = next.findIndex((p) => p.kpi.id === item.kpi.id);
    setFocus({ kpiID: item.kpi.id, action: delta < 0 ? 'earlier' : 'later' });
    setAnnouncement(`${item.kpi.name} moved to position ${to + 1} of ${next.length}.`);
    props.onArrange(next);
  };
  const resize = (index: number, dw: number, dh: number) => {
    const next = resizeItem(props.items, index, dw, dh);
    const after = next[index]!;
    setFocus({ kpiID: after.kpi.id, action: dw > 0 ? 'wider' : dw < 0 ? 'narrower' : dh > 0 ? 'taller' : 'shorter' });
    setAnnouncement(
      `${after.kpi.name} is now ${after.w} ${after.w === 1 ? 'column' : 'columns'} wide and ${after.h} ${after.h === 1 ? 'row' : 'rows'} tall.`,
    );
    props.onArrange(next);
  };

  return (
    <>
      <ul class="kpi-grid" aria-label="KPIs" data-arranging={props.arranging ? '' : undefined}>
        <For each={ids()}>
          {(id) => {
            const entry = () => byId().get(id);
            return (
              <Show when={entry()}>
                {(e) => (
                  <li data-w={e().placed.w} data-h={e().placed.h}>
                    <KPICard
                      kpi={e().placed.kpi}
                      canAddData={props.canAddData}
                      now={props.now}
                      tall={e().placed.h === 2}
                      arrange={
                        props.arranging
                          ? {
                              index: e().index,
                              count: props.items.length,
                              w: e().placed.w,
                              h: e().placed.h,
                              onMove: (delta) => move(e().index, delta),
                              onResize: (dw, dh) => resize(e().index, dw, dh),
                            }
                          : undefined
                      }
                    />
                  </li>
                )}
              </Show>
            );
          }}
        </For>
      </ul>
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
    </>
  );
}
