import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createSignal, For, Show } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import { queries } from '../../../../sync/queries.ts';
import { showToast } from '../../../components/toast.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { BatchProgress } from './batch-progress.tsx';
import { type BatchUpload, confirmBatch, downloadErrorReport } from './batches-api.ts';

/**
 * One batch: what the upload found (total, valid, invalid and the first
 * errors by row and column), the error report, "Import" while it waits for
 * confirmation, then the import's progress, live from the synced batch row.
 */
export function BatchPanel(props: { batchID: string; upload?: BatchUpload | undefined }) {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const [batch] = useQuery(() => queries.productionBatches.byId({ orgID: org.orgID, id: props.batchID }));
  const [busy, setBusy] = createSignal(false);
  const canImport = () => can(org.role(), 'shopFloorEntry', 'create');
  const counts = () => batch() ?? props.upload;

  const confirm = async () => {
    setBusy(true);
    try {
      await confirmBatch(org.orgID, props.batchID);
    } catch (err) {
      showToast({ title: 'The import did not start', description: errorMessage(err), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const download = () =>
    downloadErrorReport(org.orgID, props.batchID).catch((err) =>
      showToast({ title: 'The report did not download', description: errorMessage(err), tone: 'error' }),
    );

  return (
    <section class="panel batch-panel" aria-labelledby="batch-title">
      <h2 id="batch-title">{batch()?.fileName ?? 'Uploaded file'}</h2>
      <Show when={counts()}>
        {(c) => (
          <dl class="batch-counts">
            <div>
              <dt>Rows</dt>
              <dd data-testid="batch-total">{fmt().number(c().total)}</dd>
            </div>
            <div>
              <dt>Valid</dt>
              <dd data-testid="batch-valid">{fmt().number(c().valid)}</dd>
            </div>
            <div>
              <dt>With errors</dt>
              <dd data-testid="batch-invalid">{fmt().number(c().invalid)}</dd>
            </div>
          </dl>
        )}
      </Show>
      <Show when={props.upload && props.upload.errors.length > 0}>
        <table class="data-table batch-errors">
          <caption>
            {props.upload && props.upload.errors.length < (props.upload.invalid ?? 0)
              ? `The first ${props.upload.errors.length} problems (the report has them all)`
              : 'Problems found: these rows are not imported'}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.upload?.errors}>
              {(e) => (
                <tr>
                  <td class="num">{e.row}</td>
                  <td>
                    <code>{e.field}</code>
                  </td>
                  <td>{e.message}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <div class="form-actions">
        <Show when={(counts()?.invalid ?? 0) > 0 || (batch()?.rejected ?? 0) > 0}>
          <Button class="button button-secondary" onClick={download}>
            Download the error report
          </Button>
        </Show>
        <Show when={batch()?.status === 'VALIDATED' && canImport()}>
          <Button class="button button-primary" disabled={busy() || (batch()?.valid ?? 0) === 0} onClick={confirm}>
            Import {fmt().number(batch()?.valid ?? 0)} valid rows
          </Button>
        </Show>
      </div>
      <Show when={batch()}>
        {(b) => (
          <div aria-live="polite">
            <BatchProgress batch={b()} label="Import" />
            <Show when={b().status === 'COMPLETED' && b().rejected > 0}>
              <p class="panel-hint">
                {fmt().number(b().rejected)} rows were not imported: their work order closed after the upload (see the report).
              </p>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
