import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { BUILTIN_PLAYBOOKS, PLAYBOOK_IDS } from '../../../shared/playbooks/builtins.ts';
import { can } from '../../../shared/roles.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import { SelectField } from '../../components/select-field.tsx';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';

/** The playbooks an organization can start: the built-ins and its own copies. */
export function usePlaybookOptions() {
  const org = useCurrentOrganization();
  const [copies] = useQuery(() => queries.playbookCopies.list({ orgID: org.orgID }));
  return createMemo(() => [
    ...PLAYBOOK_IDS.map((id) => ({ value: id, label: BUILTIN_PLAYBOOKS[id].name })),
    ...copies().map((c) => ({ value: c.id, label: `${c.name} (our copy)` })),
  ]);
}

/**
 * Starts a playbook on an account by hand (operators and up), then opens
 * the new execution. Without `accountID`, the account is chosen here too.
 */
export function StartExecution(props: { accountID?: string }) {
  const org = useCurrentOrganization();
  const navigate = useNavigate();
  const playbooks = usePlaybookOptions();
  const [accounts] = useQuery(() => queries.accounts.list({ orgID: org.orgID, status: 'active' }));
  const [playbookID, setPlaybookID] = createSignal<string>('voc-sprint');
  const [accountID, setAccountID] = createSignal('');
  const [error, setError] = createSignal<string>();
  const target = () => props.accountID ?? accountID();

  const start = async () => {
    setError(undefined);
    const id = crypto.randomUUID();
    const outcome = await mutate(mutators.playbookExecution.start({ id, accountID: target(), playbookID: playbookID() }));
    if (outcome.status === 'rejected') setError(outcome.message);
    else navigate(`/executions/${id}`);
  };

  return (
    <Show when={can(org.role(), 'playbookExecution', 'start')}>
      <div class="start-execution">
        <Show when={!props.accountID}>
          <SelectField
            label="Account"
            name="start-account"
            options={[{ value: '', label: 'Choose an account' }, ...accounts().map((a) => ({ value: a.id, label: a.name }))]}
            value={accountID()}
            onChange={setAccountID}
          />
        </Show>
        <SelectField label="Playbook" name="start-playbook" options={playbooks()} value={playbookID()} onChange={setPlaybookID} />
        <Button class="button button-primary" disabled={!target()} onClick={() => void start()}>
          Start playbook
        </Button>
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
      </div>
    </Show>
  );
}
