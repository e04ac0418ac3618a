import { createUniqueId, type JSX, Show } from 'solid-js';
import { ValueTable } from '../../dashboards/widgets/chart-figure.tsx';

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
            <ValueTable caption={props.title} head={props.values.head} rows={props.values.rows} class="" hideCaption />
          </div>
        </details>
      </Show>
    </section>
  );
}
