import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { For, Show } from 'solid-js';
import { queries } from '../../../../sync/queries.ts';
import type { KpiUpload } from '../../../../sync/schema.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { showToast } from '../../../components/toast.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useFormats } from '../../organizations/current-organization.tsx';
import { downloadFile, originalFileUrl, rollbackTo } from './uploads-api.ts';

export interface UploadVersionsProps {
  orgID: string;
  accountID: string;
  canRollback: boolean;
}

const MODE_LABELS = { corporate: 'corporate', rollup: 'account rollup' } as const;

/** The account's versions, live for every member: who, when, mode, counts; rollback and the original file per version. */
export function UploadVersions(props: UploadVersionsProps) {
  const fmt = useFormats();
  const [uploads, details] = useQuery(() => queries.kpiUploads.byAccount({ orgID: props.orgID, accountID: props.accountID }));
  const versions = () => uploads().filter((u) => u.status === 'confirmed');

  const rollback = async (u: KpiUpload) => {
    try {
      await rollbackTo(props.orgID, props.accountID, u.id);
      showToast({ tone: 'success', title: `Version ${u.version}’s values are current again.` });
      return true;
    } catch (err) {
      showToast({ tone: 'error', title: errorMessage(err) });
      return false;
    }
  };
  const download = (u: KpiUpload) =>
    downloadFile(props.orgID, originalFileUrl(props.accountID, u.id), u.fileName ?? 'workbook.xlsx').catch((err) =>
      showToast({ tone: 'error', title: errorMessage(err) }),
    );

  return (
    <section class="panel" aria-labelledby="upload-versions-title">
      <h3 id="upload-versions-title">Versions</h3>
      <QueryError details={details()} what="the upload versions" />
      <Show
        when={versions().length > 0}
        fallback={
          <p class="panel-hint">
            {details().type === 'complete' ? 'No versions yet: confirm an upload to make the first.' : 'Loading…'}
          </p>
        }
      >
        <ol class="version-list" data-testid="upload-versions">
          <For each={versions()}>
            {(u) => (
              <li>
                <strong>v{u.version}</strong>{' '}
                {u.kind === 'rollback' ? `rollback to v${u.rolledBackFrom}` : (u.fileName ?? 'upload')} · {MODE_LABELS[u.mode]} ·{' '}
                {u.kpiCount} KPIs, {u.addedCount} added, {u.changedCount} changed · by{' '}
                {u.confirmer?.name ?? u.author?.name ?? 'someone'},{' '}
                <time datetime={new Date(u.confirmedAt ?? u.createdAt).toISOString()}>
                  {fmt().dateTime(u.confirmedAt ?? u.createdAt)}
                </time>{' '}
                <Show when={u.kind === 'upload'}>
                  <Button
                    class="button button-ghost button-small"
                    onClick={() => void download(u)}
                    aria-label={`Download the file of version ${u.version}`}
                  >
                    Download
                  </Button>
                </Show>
                <Show when={props.canRollback && u.version !== versions()[0]?.version}>
                  <ConfirmButton
                    label="Roll back"
                    ariaLabel={`Roll back to version ${u.version}`}
                    triggerClass="button button-ghost button-small"
                    title={`Roll back to version ${u.version}?`}
                    description={`Its values become current again as a new version. Nothing is deleted.`}
                    confirmLabel="Roll back"
                    danger={false}
                    onConfirm={() => rollback(u)}
                  />
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
