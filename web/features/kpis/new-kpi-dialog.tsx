import { Modal } from '../../components/modal.tsx';
import { useWriteAccess } from '../../lib/write-access.ts';
import { KPIForm } from './kpi-form.tsx';

/**
 * "New KPI": the full KPI form in a modal. The form is built on each opening,
 * so a cancelled draft does not linger.
 */
export function NewKpiDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const access = useWriteAccess();
  access?.holdWhile(() => props.open);
  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      title="New KPI"
      description="Name what you measure and the target to reach. Everyone in the organization sees it at once."
      trigger={access?.lost() ? undefined : { label: 'New KPI' }}
      initialFocus='input[name="name"]'
      wide
    >
      <KPIForm submitLabel="Create KPI" onDone={() => props.onOpenChange(false)} onCancel={() => props.onOpenChange(false)} />
    </Modal>
  );
}
