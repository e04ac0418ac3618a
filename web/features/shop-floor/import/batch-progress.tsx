import { Progress } from '@kobalte/core/progress';
import { Match, Switch } from 'solid-js';
import type { ProductionBatch } from '../../../../sync/schema.ts';
import { useFormats } from '../../organizations/current-organization.tsx';

const STATUS_TEXT = {
  VALIDATED: 'Checked, not imported',
  PROCESSING: 'Importing',
  COMPLETED: 'Imported',
  FAILED: 'Failed',
} as const;

/** A batch's status in words. */
export const batchStatusText = (b: Pick<ProductionBatch, 'status'>) => STATUS_TEXT[b.status];

/**
 * How far a batch's import is: a bar of processed / valid rows, from the
 * synced batch row (it moves after each chunk the server imports; nothing polls).
 */
export function BatchProgress(props: { batch: ProductionBatch; label: string }) {
  const fmt = useFormats();
  const imported = () => props.batch.processed - props.batch.rejected;
  return (
    <Switch>
      <Match when={props.batch.status === 'VALIDATED'}>
        <span>{STATUS_TEXT.VALIDATED}</span>
      </Match>
      <Match when={props.batch.status === 'FAILED'}>
        <span class="form-error">Failed: {props.batch.failure}</span>
      </Match>
      <Match when={true}>
        <Progress
          class="progress batch-progress"
          value={props.batch.processed}
          minValue={0}
          maxValue={Math.max(props.batch.valid, 1)}
          getValueLabel={({ value, max }) => `${fmt().number(value)} of ${fmt().number(max)} rows`}
          data-status={props.batch.status}
        >
          <div class="progress-labels">
            <Progress.Label>
              {props.label}: {batchStatusText(props.batch)}
              {props.batch.status === 'COMPLETED' ? ` (${fmt().number(imported())} entries)` : ''}
            </Progress.Label>
            <Progress.ValueLabel />
          </div>
          <Progress.Track class="progress-track">
            <Progress.Fill class="progress-fill" />
          </Progress.Track>
        </Progress>
      </Match>
    </Switch>
  );
}
