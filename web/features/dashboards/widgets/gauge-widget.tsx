import { Meter } from '@kobalte/core/meter';
import { createMemo, Show } from 'solid-js';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { STATUS_LABELS, STATUS_TONES } from '../../kpis/kpi-status.ts';
import { withUnit } from './formats.ts';
import { readKpi } from './kpi-reading.ts';
import { WidgetBody } from './widget-frame.tsx';
import type { WidgetProps } from './widget-props.ts';
import { noValuesIn, targetText } from './widget-text.ts';

/** A half circle from the left end to the right, radius 40, as a path so its length can be set to 100. */
const ARC = 'M 10 50 A 40 40 0 0 1 90 50';

/**
 * One KPI's progress to its target as a half-circle meter. Progress is the
 * KPI tracker's, direction-aware (kpi-status.ts): a lower-is-better KPI is
 * full at or under its target. The arc is drawing only; the meter role
 * carries the numbers, and the value and status are written out.
 */
export function GaugeWidget(props: WidgetProps) {
  const kpi = () => props.kpis[0];
  const reading = createMemo(() => {
    const k = kpi();
    return k ? readKpi(k, props.period, props.now) : undefined;
  });
  const percent = () => Math.round((reading()?.progress ?? 0) * 100);
  const status = () => reading()?.status ?? 'no-data';
  const value = () => {
    const k = kpi();
    const v = reading()?.value;
    return k && v !== null && v !== undefined ? withUnit(v, k.unit) : '';
  };
  const empty = () => {
    if (!kpi()) return 'The KPI on this widget was removed or archived.';
    return reading()?.value === null ? noValuesIn(props.period, props.now) : false;
  };

  return (
    <WidgetBody state={props.state} empty={empty()} class="widget-body-gauge">
      <Show when={kpi()}>
        {(k) => (
          <div class="widget-gauge" data-status={status()}>
            <div class="widget-gauge-dial">
              {/* A meter's children are presentational to assistive tech, so only the drawing goes inside. */}
              <Meter
                class="widget-gauge-meter"
                value={percent()}
                minValue={0}
                maxValue={100}
                getValueLabel={() => `${value()}, ${percent()} % of the way to the target of ${withUnit(k().target, k().unit)}`}
              >
                <Meter.Label class="visually-hidden">Progress of {k().name} to its target</Meter.Label>
                <svg class="widget-gauge-arc" viewBox="0 0 100 54" aria-hidden="true">
                  <path class="widget-gauge-track" d={ARC} pathLength="100" />
                  <path class="widget-gauge-fill" d={ARC} pathLength="100" stroke-dasharray={`${percent()} 100`} />
                </svg>
              </Meter>
              <p class="widget-big widget-gauge-value" title={value()}>
                {value()}
              </p>
            </div>
            <p class="widget-line">
              <span class="widget-gauge-percent">{percent()} % of target</span>{' '}
              <StatusBadge tone={STATUS_TONES[status()]} label={STATUS_LABELS[status()]} prefix="Status:" />
            </p>
            <p class="widget-line widget-muted">{targetText(k())}</p>
          </div>
        )}
      </Show>
    </WidgetBody>
  );
}
