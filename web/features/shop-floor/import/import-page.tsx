import { createSignal, Show } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import { errorMessage } from '../../../lib/api.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { PageAction } from '../../workspace/role-gate.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { BatchPanel } from './batch-panel.tsx';
import { type BatchUpload, uploadBatch } from './batches-api.ts';
import { CsvPicker } from './csv-picker.tsx';
import { RecentBatches } from './recent-batches.tsx';

/**
 * `/shop-floor/import`: seed 004's CSV flow. Upload a file of production (the
 * server checks every row), see what is wrong by row and column, download the
 * report, import the valid rows, and watch the import move; every member sees
 * the recent imports and their progress live. Operators and up upload.
 */
export function ImportPage() {
  const org = useCurrentOrganization();
  const canUpload = () => can(org.role(), 'shopFloorEntry', 'create');
  const [upload, setUpload] = createSignal<BatchUpload>();
  const [selected, setSelected] = createSignal<string>();
  const [progress, setProgress] = createSignal<number | null>(null);
  const [failure, setFailure] = createSignal<string>();

  const send = async (file: File) => {
    setFailure(undefined);
    setUpload(undefined);
    setProgress(0);
    try {
      const answer = await uploadBatch(org.orgID, file, setProgress);
      setUpload(answer);
      setSelected(answer.batchId);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setProgress(null);
    }
  };

  return (
    <WorkspacePage
      title="Import production"
      headingId="import-title"
      subtitle="Upload a CSV of shifts’ production: every row is checked, nothing is entered until you import."
    >
      <PageAction allowed={canUpload()} action="import production">
        <section class="panel" aria-labelledby="upload-title">
          <h2 id="upload-title">Upload a CSV</h2>
          <CsvPicker busy={progress() !== null} progress={progress()} onPick={send} />
          <Show when={failure()}>
            <p class="form-error" role="alert">
              {failure()}
            </p>
          </Show>
        </section>
      </PageAction>
      <Show when={selected()} keyed>
        {(id) => <BatchPanel batchID={id} upload={upload()?.batchId === id ? upload() : undefined} />}
      </Show>
      <RecentBatches selected={selected()} onSelect={setSelected} />
    </WorkspacePage>
  );
}
