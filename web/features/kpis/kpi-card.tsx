import { Progress } from '@kobalte/core/progress';
import { Show } from 'solid-js';
import { kpiProgress } from '../../../shared/kpi.ts';
import type { Kpi } from '../../../sync/schema.ts';
import { AddDataPointForm } from './add-data-point-form.tsx';
import { timeAgo, withUnit } from './format.ts';

/** One KPI: its latest value against the target, live. */
export function KpiCard(props: { kpi: Kpi; canAddData: boolean; now: number }) {
  const progress = () => kpiProgress(props.kpi.currentValue, props.kpi.target);
  const percent = () => Math.round((progress() ?? 0) * 100);
  const hasValue = () => props.kpi.currentValue !== null && props.kpi.currentValue !== undefined;

  return (
    <article class="kpi-card" aria-label={props.kpi.name} data-kpi-id={props.kpi.id}>
      <h2 class="kpi-name">{props.kpi.name}</h2>
      <p class="kpi-value">
        <Show when={hasValue()} fallback={<span class="kpi-empty">No data yet</span>}>
          <span class="kpi-number">{withUnit(props.kpi.currentValue ?? 0, props.kpi.unit)}</span>
        </Show>
      </p>
      <p class="kpi-target">Target {withUnit(props.kpi.target, props.kpi.unit)}</p>
      <Progress
        class="progress"
        value={percent()}
        minValue={0}
        maxValue={100}
        getValueLabel={({ value }) => (hasValue() ? `${value}% of target` : 'No data yet')}
        data-complete={percent() >= 100 ? '' : undefined}
      >
        <div class="progress-labels">
          <Progress.Label class="progress-label">Progress to target</Progress.Label>
          <Progress.ValueLabel class="progress-value" />
        </div>
        <Progress.Track class="progress-track">
          <Progress.Fill class="progress-fill" />
        </Progress.Track>
      </Progress>
      <Show when={props.kpi.currentAt}>
        {(at) => (
          <p class="kpi-updated">
            Updated <time datetime={new Date(at()).toISOString()}>{timeAgo(at(), props.now)}</time>
          </p>
        )}
      </Show>
      <Show when={props.canAddData}>
        <AddDataPointForm kpi={props.kpi} />
      </Show>
    </article>
  );
}
