import { createUniqueId, For, type JSX, Show } from 'solid-js';

export interface ValueRows {
  head: readonly string[];
  /** The first cell names the row (a day, a shift, a reason); the others are values as text. */
  rows: readonly { key: string; cells: readonly string[] }[];
}

export interface ChartPanelProps {
  title: string;
  /** The chart in words, always in the page (visible under the chart). */
  summary: string;
  /** The chart's values, as a table under "Values" (wall screens leave it out). */
  values: ValueRows;
  tv?: boolean;
  class?: string;
  children: JSX.Element;
}

/**
 * A dashboard chart with its text alternatives: the plot (hidden from
 * assistive tech by the chart adapter), a sentence that says what it shows,
 * and every value in a table one click away.
 */
export function ChartPanel(props: ChartPanelProps) {
  const headingID = createUniqueId();
  return (
    <section class={`sf-panel ${props.class ?? ''}`} aria-labelledby={headingID}>
      <h2 id={headingID}>{props.title}</h2>
      <figure class="sf-figure">
        {props.children}
        <figcaption class="sf-figure-summary">{props.summary}</figcaption>
      </figure>
      <Show when={!props.tv}>
        <details class="sf-values">
          <summary>Values</summary>
          <div class="table-scroll">
            <table class="data-table">
              <caption class="visually-hidden">{props.title}</caption>
              <thead>
                <tr>
                  <For each={props.values.head}>{(h) => <th scope="col">{h}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={props.values.rows}>
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
          </div>
        </details>
      </Show>
    </section>
  );
}
