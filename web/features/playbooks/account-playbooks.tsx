import { useQuery } from '@rocicorp/zero/solid';
import { Show } from 'solid-js';
import { queries } from '../../../sync/queries.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { ExecutionList } from './execution-list.tsx';
import { StartExecution } from './start-execution.tsx';

/**
 * An account's playbook executions, live, with a control to start one by
 * hand: for the account page to mount (`<AccountPlaybooks accountID={id} />`).
 */
export function AccountPlaybooks(props: { accountID: string }) {
  const org = useCurrentOrganization();
  const [rows, details] = useQuery(() => queries.playbookExecutions.forAccount({ orgID: org.orgID, accountID: props.accountID }));
  return (
    <section class="panel" aria-labelledby={`playbooks-${props.accountID}`}>
      <h2 id={`playbooks-${props.accountID}`}>Playbooks</h2>
      <QueryError details={details()} what="the account’s playbooks" />
      <Show when={details().type === 'complete' || rows().length > 0} fallback={<p class="panel-hint">Loading…</p>}>
        <ExecutionList executions={rows()} empty="No playbook has run on this account yet." label="Executions on this account" />
      </Show>
      <StartExecution accountID={props.accountID} />
    </section>
  );
}
