import { Progress } from '@kobalte/core/progress';
import { useFormats } from '../organizations/current-organization.tsx';
import type { KpiStatus } from './kpi-status.ts';

/**
 * A progress bar towards a target (0..1, or null without data), coloured by
 * status; the value is always written out too.
 */
export interface KpiProgressBarProps {
  progress: number | null;
  status: KpiStatus;
  label?: string;
  /** How the value reads, given the percentage in the organization's format ("64% of target" by default). */
  valueText?: (percent: string) => string;
}

export function KpiProgressBar(props: KpiProgressBarProps) {
  const fmt = useFormats();
  const percent = () => Math.round((props.progress ?? 0) * 100);
  return (
    <Progress
      class="progress"
      value={percent()}
      minValue={0}
      maxValue={100}
      getValueLabel={({ value }) =>
        props.progress === null ? 'No data yet' : (props.valueText ?? ((p) => `${p} of target`))(fmt().percent(value / 100))
      }
      data-status={props.status}
      data-complete={percent() >= 100 ? '' : undefined}
    >
      <div class="progress-labels">
        <Progress.Label class="progress-label">{props.label ?? 'Progress to target'}</Progress.Label>
        <Progress.ValueLabel class="progress-value" />
      </div>
      <Progress.Track class="progress-track">
        <Progress.Fill class="progress-fill" />
      </Progress.Track>
    </Progress>
  );
}
