import { Button } from '@kobalte/core/button';
import { createSignal, Show } from 'solid-js';
import type { UploadMode } from '../../../../shared/customer-success/uploads/layout.ts';
import { can } from '../../../../shared/roles.ts';
import { showToast } from '../../../components/toast.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { UploadPicker } from './upload-picker.tsx';
import { UploadPreviewPanel } from './upload-preview.tsx';
import { UploadVersions } from './upload-versions.tsx';
import { confirmUpload, discardUpload, downloadFile, EXAMPLE_URL, previewUpload, type UploadPreview } from './uploads-api.ts';

/**
 * An account's Excel KPI uploads (issue 9): pick or drop a workbook, see its
 * errors or its diff against the latest version, confirm or discard it, and
 * the account's versions live, with rollback and each version's original
 * file. Managers and up upload; everyone sees the versions.
 */
export function AccountUploads(props: { accountID: string }) {
  const org = useCurrentOrganization();
  const canUpload = () => can(org.role(), 'kpiUpload', 'upload');
  const [preview, setPreview] = createSignal<UploadPreview>();
  const [progress, setProgress] = createSignal<number | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();

  const upload = async (file: File, mode: UploadMode) => {
    setBusy(true);
    setFailure(undefined);
    setPreview(undefined);
    setProgress(0);
    try {
      setPreview(await previewUpload(org.orgID, props.accountID, file, mode, setProgress));
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  const settle = async (action: 'confirm' | 'discard') => {
    const id = preview()?.uploadId;
    if (!id) return setPreview(undefined);
    setBusy(true);
    try {
      if (action === 'confirm') await confirmUpload(org.orgID, props.accountID, id);
      else await discardUpload(org.orgID, props.accountID, id);
      setPreview(undefined);
      showToast({
        tone: 'success',
        title: action === 'confirm' ? 'Upload confirmed: a new version is current.' : 'Preview discarded.',
      });
    } catch (err) {
      showToast({ tone: 'error', title: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  const example = () =>
    downloadFile(org.orgID, EXAMPLE_URL, 'kpi-upload-example.xlsx').catch((err) =>
      showToast({ tone: 'error', title: errorMessage(err) }),
    );

  return (
    <section class="account-uploads" aria-labelledby="account-uploads-title">
      <h2 id="account-uploads-title">KPI workbook uploads</h2>
      <p class="panel-hint">
        One sheet per health category; columns KPI parameter, Data, Weight, Impact level, Measurement frequency, Source review.{' '}
        <Button class="button button-ghost button-small" onClick={() => void example()}>
          Download the example workbook
        </Button>
      </p>
      <Show when={canUpload()} fallback={<p class="panel-hint">Managers and above upload workbooks.</p>}>
        <UploadPicker busy={busy()} progress={progress()} onPick={(file, mode) => void upload(file, mode)} />
      </Show>
      <Show when={failure()}>
        <p class="form-error" role="alert">
          {failure()}
        </p>
      </Show>
      <Show when={preview()} keyed>
        {(p) => (
          <UploadPreviewPanel
            preview={p}
            busy={busy()}
            canConfirm={canUpload()}
            onConfirm={() => void settle('confirm')}
            onDiscard={() => void settle('discard')}
          />
        )}
      </Show>
      <UploadVersions orgID={org.orgID} accountID={props.accountID} canRollback={canUpload()} />
    </section>
  );
}
