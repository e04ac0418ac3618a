import { Button } from '@kobalte/core/button';
import { createSignal, For, Show } from 'solid-js';
import { z } from 'zod';
import { can } from '../../../../shared/roles.ts';
import { requiredText } from '../../../../shared/shop-floor/master-data.ts';
import {
  needsReason,
  nextStatuses,
  REASON_MAX,
  STATUS_LABELS,
  transitionAction,
  transitionLabel,
  type WorkOrderStatus,
} from '../../../../shared/shop-floor/work-orders.ts';
import { mutators } from '../../../../sync/mutators.ts';
import type { WorkOrder } from '../../../../sync/schema.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { FormError } from '../../../components/form-error.tsx';
import { Modal } from '../../../components/modal.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { createFormState } from '../../../lib/form-state.ts';
import { createSubmit } from '../../../lib/form-submit.ts';
import { useDialogAccess } from '../../../lib/write-access.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';
import { refusalOf } from '../refusal.ts';

const move = (order: WorkOrder, to: WorkOrderStatus, reason: string | null = null) =>
  mutate(mutators.workOrder.transition({ id: order.id, transitionID: crypto.randomUUID(), to, reason }));

const WHY: Partial<Record<WorkOrderStatus, string>> = {
  ON_HOLD: 'Say why it stops, so the floor knows what it waits for. The hold’s duration is kept when it is released.',
  CANCELLED: 'Say why it is cancelled. This is final.',
  REJECTED: 'Say why it is rejected, e.g. the quality finding. This is final.',
};

/** A transition that must say why: a dialog asking for the reason (Kobalte Dialog, focus starts in it). */
function ReasonDialog(props: { order: WorkOrder; to: WorkOrderStatus }) {
  const [open, setOpen] = createSignal(false);
  const allowed = useDialogAccess(open);
  const label = () => transitionLabel(props.order.status, props.to);
  const schema = z.object({ reason: requiredText('Reason', REASON_MAX) });
  const Form = () => {
    const form = createFormState({ fields: ['reason'] as const, initial: { reason: '' }, parse: (v) => schema.safeParse(v) });
    const submit = createSubmit(form, {
      action: async ({ reason }) => {
        const refused = refusalOf(await move(props.order, props.to, reason), ['reason'] as const);
        if (!refused) setOpen(false);
        return refused;
      },
    });
    return (
      <form class="form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
        <FormError message={submit.error()} />
        <TextArea label="Reason" description={WHY[props.to]} rows={3} {...form.bind('reason')} />
        <div class="dialog-actions">
          <Button type="button" class="button button-ghost" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            type="submit"
            class={props.to === 'ON_HOLD' ? 'button button-primary' : 'button button-danger'}
            disabled={submit.busy() || submit.blocked()}
          >
            {submit.busy() ? 'Saving…' : label()}
          </Button>
        </div>
      </form>
    );
  };
  return (
    <Modal
      open={open()}
      onOpenChange={setOpen}
      title={`${label()}: work order ${props.order.number}`}
      description={`From ${STATUS_LABELS[props.order.status].toLowerCase()} to ${STATUS_LABELS[props.to].toLowerCase()}.`}
      trigger={
        allowed()
          ? { label: label(), class: props.to === 'ON_HOLD' ? 'button button-primary' : 'button button-secondary' }
          : undefined
      }
      initialFocus='textarea[name="reason"]'
    >
      <Form />
    </Modal>
  );
}

/**
 * The moves the lifecycle allows (as buttons among the page's actions) from the order's status that the person's
 * role may make: a reason dialog where one is required (hold, cancel,
 * reject), a confirmation otherwise (release, complete). The server checks
 * both again.
 */
export function TransitionActions(props: { order: WorkOrder }) {
  const org = useCurrentOrganization();
  const allowed = () => nextStatuses(props.order.status).filter((to) => can(org.role(), 'workOrder', transitionAction(to)));
  return (
    <For each={allowed()}>
      {(to) => (
        <Show
          when={needsReason(to)}
          fallback={
            <ConfirmButton
              label={transitionLabel(props.order.status, to)}
              triggerClass="button button-primary"
              title={`${transitionLabel(props.order.status, to)} work order ${props.order.number}?`}
              description={
                to === 'COMPLETED' ? 'Completed is final: it cannot be moved again.' : 'It goes back to work; the hold ends now.'
              }
              confirmLabel={transitionLabel(props.order.status, to)}
              danger={false}
              onConfirm={async () => (await move(props.order, to)).status !== 'rejected'}
            />
          }
        >
          <ReasonDialog order={props.order} to={to} />
        </Show>
      )}
    </For>
  );
}
