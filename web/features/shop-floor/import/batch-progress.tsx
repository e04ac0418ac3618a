import { Match, Switch } from 'solid-js';
import type { ProductionBatch } from '../../../../sync/schema.ts';
import { ProgressBar } from '../../../components/progress-bar.tsx';
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
        <ProgressBar
          class="batch-progress"
          value={props.batch.processed}
          max={Math.max(props.batch.valid, 1)}
          valueLabel={(value, max) => `${fmt().number(value)} of ${fmt().number(max)} rows`}
          status={props.batch.status}
          label={
            <>
              {props.label}: {batchStatusText(props.batch)}
              {props.batch.status === 'COMPLETED' ? ` (${fmt().number(imported())} entries)` : ''}
            </>
          }
        />
      </Match>
    </Switch>
  );
}
