import { createEffect, createSignal, type JSX, onCleanup, onMount, Show } from 'solid-js';
import type { Period } from '../../../../shared/dashboards/time-range.ts';
import { TIME_RANGE_LABELS, type TimeRange } from '../../../../shared/dashboards/time-range.ts';
import type { WidgetRow } from '../dashboard-data.ts';
import { DashboardGrid } from '../dashboard-grid.tsx';
import { WidgetView } from '../widgets/registry.tsx';
import type { DataState } from '../widgets/widget-props.ts';

/** Rows a wall screen shows without scrolling: the row height follows the window. */
function useFittedCellHeight(rows: () => number) {
  const [height, setHeight] = createSignal(innerHeight);
  const onResize = () => setHeight(innerHeight);
  onMount(() => addEventListener('resize', onResize));
  onCleanup(() => removeEventListener('resize', onResize));
  return () => Math.max(48, Math.floor((height() - 110) / Math.max(1, rows())));
}

/** The wall screen's page: dark, large type, no chrome but the dashboard's name, its range and the clock. */
export function TvFrame(props: { children: JSX.Element }) {
  onMount(() => {
    // The dark theme whatever the person's choice, for as long as the wall screen shows.
    const root = document.documentElement;
    const before = root.dataset.theme;
    root.dataset.theme = 'dark';
    root.dataset.tv = '';
    onCleanup(() => {
      if (before === undefined) delete root.dataset.theme;
      else root.dataset.theme = before;
      delete root.dataset.tv;
    });
  });
  return (
    <main class="tv" data-tv="">
      {props.children}
    </main>
  );
}

export interface TvBoardProps {
  name: string;
  timeRange: TimeRange;
  items: readonly WidgetRow[];
  period: Period;
  previous: Period;
  state: DataState;
  now: number;
  /** "2 of 3" while rotating. */
  position?: string | undefined;
  /** Opened with a read-only share link (see WidgetProps.shared). */
  shared?: boolean;
}

/** One dashboard on a wall screen: every widget at a size that fills the screen, live. */
export function TvBoard(props: TvBoardProps) {
  const rows = () => Math.max(1, ...props.items.map((i) => i.y + i.h));
  const cellHeight = useFittedCellHeight(rows);
  const clock = () => new Date(props.now).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  createEffect(() => {
    document.title = `${props.name} · TV`;
  });
  return (
    <>
      <header class="tv-head">
        <h1>{props.name}</h1>
        <p>
          {TIME_RANGE_LABELS[props.timeRange]}
          <Show when={props.position}> · {props.position}</Show> · <time>{clock()}</time>
        </p>
      </header>
      <DashboardGrid
        items={props.items}
        arranging={false}
        cellHeight={cellHeight()}
        onMove={() => undefined}
        render={(item) => (
          <WidgetView
            widget={item.row}
            kpis={item.kpis}
            goal={item.goal}
            period={props.period}
            previous={props.previous}
            state={props.state}
            now={props.now}
            tv
            canAddData={false}
            shared={props.shared ?? false}
          />
        )}
      />
    </>
  );
}
