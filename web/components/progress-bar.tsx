import { Progress } from '@kobalte/core/progress';
import type { JSX } from 'solid-js';

export interface ProgressBarProps {
  label: JSX.Element;
  value: number;
  max?: number;
  /** The value in words (Kobalte reads it to screen readers too); a percentage by default. */
  valueLabel?: (value: number, max: number) => string;
  class?: string;
  /** Exposed as data-status for styling (e.g. a finished or failed run). */
  status?: string;
}

/** A labelled progress bar (Kobalte's Progress with the app's parts and styles). */
export function ProgressBar(props: ProgressBarProps) {
  return (
    <Progress
      class={`progress ${props.class ?? ''}`}
      value={props.value}
      minValue={0}
      maxValue={props.max ?? 100}
      getValueLabel={props.valueLabel ? ({ value, max }) => props.valueLabel?.(value, max) ?? '' : undefined}
      data-status={props.status}
    >
      <div class="progress-labels">
        <Progress.Label>{props.label}</Progress.Label>
        <Progress.ValueLabel />
      </div>
      <Progress.Track class="progress-track">
        <Progress.Fill class="progress-fill" />
      </Progress.Track>
    </Progress>
  );
}
