import { createSignal } from 'solid-js';
import type { Kpi } from '../../../sync/schema.ts';
import { Modal } from '../../components/modal.tsx';
import { useWriteAccess } from '../../lib/write-access.ts';
import { KPIForm } from './kpi-form.tsx';

/** "Edit KPI": the same form as New KPI, filled in from the KPI as it is now. */
export function EditKpiDialog(props: { kpi: Kpi; disabled?: boolean; describedBy?: string | undefined }) {
  const [open, setOpen] = createSignal(false);
  const access = useWriteAccess();
  access?.holdWhile(open);
  return (
    <Modal
      open={open()}
      onOpenChange={setOpen}
      title="Edit KPI"
      description="Changes show on every open dashboard as soon as you save."
      trigger={
        access?.lost()
          ? undefined
          : {
              label: 'Edit KPI',
              class: 'button button-secondary',
              disabled: props.disabled ?? false,
              describedBy: props.describedBy,
            }
      }
      initialFocus='input[name="name"]'
      wide
    >
      <KPIForm kpi={props.kpi} submitLabel="Save changes" onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
    </Modal>
  );
}
