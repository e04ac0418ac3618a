import { useQuery } from '@rocicorp/zero/solid';
import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { queries } from '../../../../sync/queries.ts';
import type { WorkOrder } from '../../../../sync/schema.ts';
import { Modal } from '../../../components/modal.tsx';
import { useDialogAccess } from '../../../lib/write-access.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { WorkOrderForm } from './work-order-form.tsx';

/** The product choices, read with the page that holds the dialog, so they are synced before the form opens. */
function useProducts() {
  const org = useCurrentOrganization();
  const [products] = useQuery(() => queries.products.list({ orgID: org.orgID }));
  return products;
}

/** "New work order": created ACTIVE, then its page opens. */
export function NewWorkOrderDialog() {
  const [open, setOpen] = createSignal(false);
  const allowed = useDialogAccess(open);
  const navigate = useNavigate();
  const products = useProducts();
  return (
    <Modal
      open={open()}
      onOpenChange={setOpen}
      title="New work order"
      description="It starts active. Add its jobs on its page."
      trigger={allowed() ? { label: 'New work order' } : undefined}
      initialFocus='input[name="number"]'
      wide
    >
      <WorkOrderForm
        products={products()}
        submitLabel="Create work order"
        onDone={(id) => {
          setOpen(false);
          navigate(`/work-orders/${id}`);
        }}
        onCancel={() => setOpen(false)}
      />
    </Modal>
  );
}

export function EditWorkOrderDialog(props: { order: WorkOrder }) {
  const [open, setOpen] = createSignal(false);
  const allowed = useDialogAccess(open);
  const products = useProducts();
  return (
    <Modal
      open={open()}
      onOpenChange={setOpen}
      title={`Edit work order ${props.order.number}`}
      trigger={allowed() ? { label: 'Edit', class: 'button button-secondary' } : undefined}
      initialFocus='input[name="number"]'
      wide
    >
      <WorkOrderForm
        order={props.order}
        products={products()}
        submitLabel="Save changes"
        onDone={() => setOpen(false)}
        onCancel={() => setOpen(false)}
      />
    </Modal>
  );
}
