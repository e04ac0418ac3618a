import type ApexCharts from 'apexcharts';
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { keepOutOfTabOrder } from './chart-theme.ts';

export type Apex = typeof ApexCharts;

export interface ApexPlotProps {
  /** Loads ApexCharts with the modules this chart type needs (once per page). */
  load: () => Promise<Apex>;
  /** What to draw; read reactively, so a change (a value lands, the theme switches) redraws. */
  options: ApexCharts.ApexOptions;
  height: number;
  /** The wrapper's class; the plot inside gets `<class>-plot`. */
  class: string;
  /** Said when the library cannot load: where the values are instead. */
  failedText: string;
}

/**
 * The one lifecycle of an ApexCharts plot, for every chart type of the
 * adapter: load the library on first use, draw, redraw from the options as
 * they change (ApexCharts diffs internally), keep its controls out of the tab
 * order, destroy on unmount. The plot is hidden from assistive tech; the
 * chart's caller gives the text alternative.
 */
export function ApexPlot(props: ApexPlotProps) {
  let host!: HTMLDivElement;
  let chart: ApexCharts | undefined;
  let disposed = false;
  const [ready, setReady] = createSignal(false);
  const [failed, setFailed] = createSignal(false);

  onMount(() => {
    props
      .load()
      .then(async (Apex) => {
        if (disposed) return;
        chart = new Apex(host, props.options);
        await chart.render();
        if (!disposed) setReady(true);
      })
      .catch(() => setFailed(true));
    onCleanup(keepOutOfTabOrder(host));
  });

  createEffect(() => {
    const options = props.options;
    if (!ready() || !chart) return;
    void chart.updateOptions(options, true, false);
  });

  onCleanup(() => {
    disposed = true;
    chart?.destroy();
    chart = undefined;
  });

  return (
    <div class={props.class} style={{ 'min-height': `${props.height}px` }}>
      <Show when={failed()}>
        <p class="panel-hint">{props.failedText}</p>
      </Show>
      <div ref={host} class={`${props.class}-plot`} aria-hidden="true" />
    </div>
  );
}
