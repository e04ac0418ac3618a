import { Button } from '@kobalte/core/button';
import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { dashboardFields } from '../../../shared/dashboards/fields.ts';
import { mutators } from '../../../sync/mutators.ts';
import type { Dashboard } from '../../../sync/schema.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { FormError } from '../../components/form-error.tsx';
import { Modal } from '../../components/modal.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { mutate } from '../sync/mutate.ts';

/** Rename, share or unshare (its keeper only), or delete a dashboard. */
export function DashboardSettings(props: {
  dashboard: Dashboard;
  canShare: boolean;
  isKeeper: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const navigate = useNavigate();
  const [name, setName] = createSignal(props.dashboard.name);
  const [shared, setShared] = createSignal(props.dashboard.shared);
  const [error, setError] = createSignal<string>();

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const checked = dashboardFields.name.safeParse(name());
    if (!checked.success) return setError(checked.error.issues[0]?.message);
    const outcome = await mutate(mutators.dashboard.update({ id: props.dashboard.id, name: checked.data, shared: shared() }));
    if (outcome.status === 'rejected') setError(outcome.message);
    else props.onOpenChange(false);
  };
  const remove = async () => {
    const outcome = await mutate(mutators.dashboard.delete({ id: props.dashboard.id }));
    if (outcome.status === 'rejected') {
      setError(outcome.message);
      return false;
    }
    props.onOpenChange(false);
    navigate('/', { replace: true });
    return true;
  };

  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title="Dashboard settings" initialFocus='input[name="name"]'>
      <form class="form" onSubmit={(e) => void save(e)} novalidate>
        <TextInput label="Name" name="name" value={name()} onChange={setName} />
        <Show when={props.canShare && (props.isKeeper || !props.dashboard.shared)}>
          <label class="checkbox">
            <input type="checkbox" checked={shared()} onChange={(e) => setShared(e.currentTarget.checked)} /> Shared with everyone
            in the organization
          </label>
        </Show>
        <FormError message={error()} />
        <div class="form-actions">
          <Button type="submit" class="button button-primary">
            Save
          </Button>
          <ConfirmButton
            label="Delete dashboard"
            title="Delete this dashboard?"
            description={`“${props.dashboard.name}” goes for everyone, with its widgets and share links. The KPIs stay.`}
            confirmLabel="Delete it for everyone"
            danger
            onConfirm={remove}
          />
        </div>
      </form>
    </Modal>
  );
}
