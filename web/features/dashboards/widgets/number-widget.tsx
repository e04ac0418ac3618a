import { createMemo, createSignal, Show } from 'solid-js';
import { timeAgo } from '../../kpis/format.ts';
import { ChangeText } from './change-text.tsx';
import { withUnit } from './formats.ts';
import { readKpi } from './kpi-reading.ts';
import { QuickAdd } from './quick-add.tsx';
import { useWidgetShortcut, WidgetBody, WidgetTools } from './widget-frame.tsx';
import type { WidgetProps } from './widget-props.ts';
import { noValuesIn, previousPhrase, targetText } from './widget-text.ts';

/**
 * One KPI's latest value, big, with its target and its change against the
 * previous period. Members who may add data get a "+" (or press "a" on the
 * card) for a new value; wall screens never show it.
 */
export function NumberWidget(props: WidgetProps) {
  const kpi = () => props.kpis[0];
  const reading = createMemo(() => {
    const k = kpi();
    return k ? readKpi(k, props.period, props.now) : undefined;
  });
  const [adding, setAdding] = createSignal(false);
  const canAdd = () => props.canAddData && !props.tv && kpi() !== undefined;
  useWidgetShortcut('a', () => setAdding(true), canAdd);

  const empty = () => {
    if (!kpi()) return 'The KPI on this widget was removed or archived.';
    return reading()?.value === null ? noValuesIn(props.period, props.now) : false;
  };

  const figure = () => {
    const k = kpi();
    const value = reading()?.value;
    return k && value !== null && value !== undefined ? withUnit(value, k.unit) : '';
  };

  return (
    <>
      <WidgetBody state={props.state} empty={empty()} class="widget-body-number">
        <Show when={kpi()}>
          {(k) => (
            <div class="widget-number">
              <p class="widget-big" title={figure()}>
                {figure()}
              </p>
              <Show when={reading()?.change}>
                {(change) => (
                  <p class="widget-line">
                    <ChangeText
                      change={change()}
                      unit={k().unit}
                      against={previousPhrase(props.previous, props.period, props.now)}
                    />
                  </p>
                )}
              </Show>
              <p class="widget-line widget-muted widget-target">{targetText(k())}</p>
              <Show when={reading()?.at}>
                {(at) => (
                  <p class="widget-line widget-muted widget-updated">
                    Updated <time datetime={new Date(at()).toISOString()}>{timeAgo(at(), props.now)}</time>
                  </p>
                )}
              </Show>
            </div>
          )}
        </Show>
      </WidgetBody>
      {/* In the header, not the body: an empty widget is where the first value gets added. */}
      <Show when={canAdd() && kpi()}>
        {(k) => (
          <WidgetTools>
            <QuickAdd kpi={k()} open={adding()} onOpenChange={setAdding} />
          </WidgetTools>
        )}
      </Show>
    </>
  );
}
