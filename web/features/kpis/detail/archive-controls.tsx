import { Button } from '@kobalte/core/button';
import { createSignal, Show } from 'solid-js';
import { mutators } from '../../../../sync/mutators.ts';
import type { Kpi } from '../../../../sync/schema.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { showToast } from '../../../components/toast.tsx';
import { useFormats } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';

/** Restore straight away: nothing is lost either way. */
export function RestoreKpiButton(props: { kpi: Kpi }) {
  const [busy, setBusy] = createSignal(false);
  const restore = async () => {
    setBusy(true);
    const outcome = await mutate(mutators.kpi.restore({ id: props.kpi.id }));
    setBusy(false);
    if (outcome.status !== 'rejected') showToast({ title: `${props.kpi.name} restored`, tone: 'success' });
  };
  return (
    <Button
      class={'button button-primary button-small'}
      aria-label={`Restore ${props.kpi.name}`}
      disabled={busy()}
      onClick={() => void restore()}
    >
      {busy() ? 'Restoring…' : 'Restore'}
    </Button>
  );
}

/** Archive, after a confirmation that says what it does (and that it can be undone). */
export function ArchiveKpiButton(props: { kpi: Kpi }) {
  const archive = async () => {
    const outcome = await mutate(mutators.kpi.archive({ id: props.kpi.id }));
    return outcome.status !== 'rejected';
  };
  return (
    <ConfirmButton
      label="Archive"
      triggerClass="button button-danger-ghost"
      title={`Archive ${props.kpi.name}?`}
      description="It leaves the dashboard and no longer counts towards goals. Its history is kept, and you can restore it at any time."
      confirmLabel="Archive"
      busyLabel="Archiving…"
      onConfirm={archive}
    />
  );
}

/** Shown on an archived KPI's page, live: says what archived means and offers Restore. */
export function ArchivedBanner(props: { kpi: Kpi; canRestore: boolean }) {
  const fmt = useFormats();
  return (
    <div class="banner banner-archived" role="status">
      <div>
        <p class="banner-title">Archived — history is kept</p>
        <p>
          Archived {props.kpi.archivedAt ? `on ${fmt().date(props.kpi.archivedAt)}` : ''}. It is off the dashboard and its data
          can’t be changed until it is restored.
        </p>
      </div>
      <Show when={props.canRestore} fallback={<p>Ask a manager or admin to restore it.</p>}>
        <RestoreKpiButton kpi={props.kpi} />
      </Show>
    </div>
  );
}
