import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { Account } from '../../../sync/schema.ts';
import { Modal } from '../../components/modal.tsx';
import { useDialogAccess } from '../../lib/write-access.ts';
import { AccountForm } from './account-form.tsx';

/** "New account": created, then its page opens. */
export function NewAccountDialog() {
  const [open, setOpen] = createSignal(false);
  const allowed = useDialogAccess(open);
  const navigate = useNavigate();
  return (
    <Modal
      open={open()}
      onOpenChange={setOpen}
      title="New account"
      description="A customer your team looks after. Its KPIs and health follow on its page."
      trigger={allowed() ? { label: 'New account' } : undefined}
      initialFocus='input[name="name"]'
      wide
    >
      <AccountForm
        submitLabel="Create account"
        onDone={(id) => {
          setOpen(false);
          navigate(`/accounts/${id}`);
        }}
        onCancel={() => setOpen(false)}
      />
    </Modal>
  );
}

export function EditAccountDialog(props: { account: Account }) {
  const [open, setOpen] = createSignal(false);
  const allowed = useDialogAccess(open);
  return (
    <Modal
      open={open()}
      onOpenChange={setOpen}
      title="Edit account"
      trigger={allowed() ? { label: 'Edit account', class: 'button button-secondary' } : undefined}
      initialFocus='input[name="name"]'
      wide
    >
      <AccountForm
        account={props.account}
        submitLabel="Save changes"
        onDone={() => setOpen(false)}
        onCancel={() => setOpen(false)}
      />
    </Modal>
  );
}
