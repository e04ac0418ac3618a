import { createSignal } from 'solid-js';
import { Modal } from '../../components/modal.tsx';
import { useDialogAccess } from '../../lib/write-access.ts';
import { GoalForm, type GoalWithKpis } from './goal-form.tsx';

export function NewGoalDialog() {
  const [open, setOpen] = createSignal(false);
  const allowed = useDialogAccess(open);
  return (
    <Modal
      open={open()}
      onOpenChange={setOpen}
      title="New goal"
      description="A goal combines KPIs with weights; its progress moves as their data lands."
      trigger={allowed() ? { label: 'New goal' } : undefined}
      initialFocus='input[name="title"]'
      wide
    >
      <GoalForm submitLabel="Create goal" onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
    </Modal>
  );
}

export function EditGoalDialog(props: { goal: GoalWithKpis }) {
  const [open, setOpen] = createSignal(false);
  const allowed = useDialogAccess(open);
  return (
    <Modal
      open={open()}
      onOpenChange={setOpen}
      title="Edit goal"
      trigger={
        allowed()
          ? { label: 'Edit', class: 'button button-small button-secondary', ariaLabel: `Edit ${props.goal.title}` }
          : undefined
      }
      initialFocus='input[name="title"]'
      wide
    >
      <GoalForm goal={props.goal} submitLabel="Save changes" onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
    </Modal>
  );
}
