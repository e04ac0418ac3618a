import { Button } from '@kobalte/core/button';
import { type Accessor, createSignal, createUniqueId, For, type JSX, onCleanup, onMount, Show } from 'solid-js';

export interface LegendEntry {
  name: string;
  color: string;
  /** The line's dash, drawn in the swatch too (0: solid). */
  dash?: number;
}

export interface PlotSize {
  width: number;
  height: number;
}

export interface ChartFigureProps {
  /** The chart in words, for people who cannot see it: always in the page, visually hidden. */
  summary: string;
  /** Shown under the chart when there is more than one series. */
  legend: readonly LegendEntry[];
  /** What the values mean, when it is not obvious ("Last value per week"). */
  note?: string | undefined;
  /** The exact values (ValueTable), built only when someone asks for them. */
  values: () => JSX.Element;
  /** Wall screens have no controls: no values toggle. */
  tv: boolean;
  /** The chart, given the box it has to fill (px). */
  children: (size: Accessor<PlotSize>) => JSX.Element;
}

/** Until a layout exists (or without ResizeObserver): a chart that fits the smallest widget. */
const FALLBACK_HEIGHT = 160;

/**
 * A chart inside a widget: the plot fills what the card leaves (ApexCharts
 * wants a height in px, so the box is measured), with the summary, a legend
 * and a "Show values" toggle at its foot. The values replace the plot in
 * place rather than growing the card, which the grid fixes in size.
 */
export function ChartFigure(props: ChartFigureProps) {
  let box!: HTMLDivElement;
  const [size, setSize] = createSignal<PlotSize>({ width: 0, height: 0 });
  const [showValues, setShowValues] = createSignal(false);
  const plotID = createUniqueId();

  onMount(() => {
    if (typeof ResizeObserver === 'undefined') {
      setSize({ width: box.clientWidth, height: box.clientHeight || FALLBACK_HEIGHT });
      return;
    }
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect) return;
      const next = { width: Math.floor(rect.width), height: Math.floor(rect.height) };
      const now = size();
      // Sub-pixel jitter would redraw the chart for nothing.
      if (next.height > 0 && (Math.abs(next.height - now.height) >= 2 || Math.abs(next.width - now.width) >= 2)) setSize(next);
    });
    observer.observe(box);
    onCleanup(() => observer.disconnect());
  });

  return (
    <figure class="widget-figure">
      <div class="widget-plot" id={plotID} ref={box}>
        <Show
          when={showValues() && !props.tv}
          fallback={
            <Show when={size().height > 0}>
              <div class="widget-plot-chart">{props.children(size)}</div>
            </Show>
          }
        >
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
          <section class="widget-values" aria-label="Values" tabIndex={0}>
            {props.values()}
          </section>
        </Show>
      </div>
      <figcaption class="widget-figure-foot">
        <span class="visually-hidden">{props.summary}</span>
        {/* The summary already names every series; the legend is for the eye. */}
        <Show when={props.legend.length > 1}>
          <ul class="widget-legend" aria-hidden="true">
            <For each={props.legend}>
              {(entry) => (
                <li class="widget-legend-item" title={entry.name}>
                  <svg class="widget-swatch" viewBox="0 0 16 4" aria-hidden="true">
                    <line
                      x1="0"
                      y1="2"
                      x2="16"
                      y2="2"
                      stroke={entry.color}
                      stroke-width="3"
                      stroke-dasharray={entry.dash ? `${Math.min(entry.dash, 6)} 2` : undefined}
                    />
                  </svg>
                  <span class="widget-legend-name">{entry.name}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.note}>
          <span class="widget-figure-note">{props.note}</span>
        </Show>
        <Show when={!props.tv}>
          <Button
            class="widget-values-toggle"
            aria-expanded={showValues()}
            aria-controls={plotID}
            onClick={() => setShowValues((v) => !v)}
          >
            {showValues() ? 'Show chart' : 'Show values'}
          </Button>
        </Show>
      </figcaption>
    </figure>
  );
}

export interface ValueTableProps {
  caption: string;
  head: readonly string[];
  rows: readonly { key: string | number; cells: readonly string[] }[];
  /** The table's own class (default: the widgets' look). */
  class?: string;
  /** The caption for assistive tech only (a heading already names the table). */
  hideCaption?: boolean;
}

/** A chart's values as a plain table: the first column names the row (a date, a week), the others are numbers. */
export function ValueTable(props: ValueTableProps) {
  return (
    <table class={`data-table ${props.class ?? 'widget-value-table'}`}>
      <caption class={props.hideCaption ? 'visually-hidden' : undefined}>{props.caption}</caption>
      <thead>
        <tr>
          <For each={props.head}>{(h) => <th scope="col">{h}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr>
              <For each={row.cells}>
                {(cell, i) => (
                  <Show when={i() > 0} fallback={<th scope="row">{cell}</th>}>
                    <td class="num">{cell}</td>
                  </Show>
                )}
              </For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
