import { useQuery } from '@rocicorp/zero/solid';
import { A, useParams } from '@solidjs/router';
import { createMemo, Match, Show, Switch } from 'solid-js';
import { can } from '../../../shared/roles.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { Account, Kpi, User } from '../../../sync/schema.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { showToast } from '../../components/toast.tsx';
import { ChatPanel } from '../chat/chat-panel.tsx';
import { AccountUploads } from '../customer-success/uploads/account-uploads.tsx';
import { useCurrentOrganization, useFormats } from '../organizations/current-organization.tsx';
import { AccountPlaybooks } from '../playbooks/account-playbooks.tsx';
import { ReportDownloads } from '../reports/report-downloads.tsx';
import { mutate } from '../sync/mutate.ts';
import { ReadOnlyNote } from '../workspace/read-only-note.tsx';
import { RoleGate } from '../workspace/role-gate.tsx';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { EditAccountDialog } from './account-dialogs.tsx';
import { AccountHealthPanel } from './account-health-panel.tsx';
import { AccountKpis, type KpiScore } from './account-kpis.tsx';

type AccountWithKpis = Account & { readonly owner?: User | undefined; readonly kpis: readonly Kpi[] };

/** Deactivating is the soft delete: the account and its history stay, and it can be reactivated. */
function StatusAction(props: { account: Account }) {
  const active = () => props.account.status === 'active';
  const run = async () => {
    const outcome = await mutate(
      active() ? mutators.account.deactivate({ id: props.account.id }) : mutators.account.activate({ id: props.account.id }),
    );
    if (outcome.status === 'rejected') showToast({ title: 'Not changed', description: outcome.message, tone: 'error' });
    return outcome.status !== 'rejected';
  };
  return (
    <ConfirmButton
      label={active() ? 'Deactivate' : 'Reactivate'}
      triggerClass="button button-ghost"
      title={active() ? `Deactivate ${props.account.name}?` : `Reactivate ${props.account.name}?`}
      description={
        active()
          ? 'It leaves the active list; its KPIs, health history and playbooks stay, and it can be reactivated.'
          : 'It returns to the active list.'
      }
      confirmLabel={active() ? 'Deactivate' : 'Reactivate'}
      danger={active()}
      onConfirm={run}
    />
  );
}

function AccountView(props: { account: AccountWithKpis }) {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const canEdit = () => can(org.role(), 'account', 'update');
  const canDeactivate = () => can(org.role(), 'account', 'deactivate');
  const [health] = useQuery(() => queries.health.account({ orgID: org.orgID, accountID: props.account.id }));
  const scores = createMemo(
    () => new Map<string, KpiScore>((health()?.kpis ?? []).map((k) => [k.kpiId, { status: k.status, score: k.score }])),
  );
  const a = () => props.account;
  return (
    <WorkspacePage
      title={a().name}
      headingId="account-title"
      subtitle={<A href="/accounts">All accounts</A>}
      actions={
        <div class="page-actions">
          <RoleGate allowed={canEdit()} action="edit accounts">
            <EditAccountDialog account={a()} />
          </RoleGate>
          <Show when={canDeactivate()}>
            <StatusAction account={a()} />
          </Show>
          <Show when={!canEdit()}>
            <ReadOnlyNote />
          </Show>
          <ReportDownloads report="account-health" params={{ accountId: a().id }} label="Account health report" />
        </div>
      }
    >
      <dl class="details-list account-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge
              tone={a().status === 'active' ? 'good' : 'neutral'}
              label={a().status === 'active' ? 'Active' : 'Inactive'}
            />
          </dd>
        </div>
        <div>
          <dt>CSM</dt>
          <dd>{a().owner?.name ?? 'No owner'}</dd>
        </div>
        <div>
          <dt>Industry</dt>
          <dd>{a().industry ?? '—'}</dd>
        </div>
        <div>
          <dt>Region</dt>
          <dd>{a().region ?? '—'}</dd>
        </div>
        <div>
          <dt>Annual revenue</dt>
          <dd>
            {a().annualRevenue === null || a().annualRevenue === undefined
              ? '—'
              : fmt().quantity(a().annualRevenue as number, fmt().settings.currency)}
          </dd>
        </div>
      </dl>
      <AccountHealthPanel accountID={a().id} accountName={a().name} health={health()} />
      <AccountKpis accountID={a().id} kpis={a().kpis} scores={scores()} />
      <AccountPlaybooks accountID={a().id} />
      <AccountUploads accountID={a().id} />
      <ChatPanel context={{ kind: 'account', id: a().id }} />
    </WorkspacePage>
  );
}

/** `/accounts/:id`: one account, its health and why, its KPIs, live. */
export function AccountPage() {
  const params = useParams<{ id: string }>();
  const org = useCurrentOrganization();
  const [account, details] = useQuery(() => queries.accounts.byId({ orgID: org.orgID, accountID: params.id }));
  return (
    <Switch
      fallback={
        <section class="page" aria-busy="true" aria-label="Loading account">
          <div class="skeleton page-skeleton" aria-hidden="true" />
          <p class="visually-hidden">Loading the account…</p>
        </section>
      }
    >
      <Match when={account()}>{(acc) => <AccountView account={acc() as AccountWithKpis} />}</Match>
      <Match when={details().type === 'error'}>
        <QueryError details={details()} what="this account" />
      </Match>
      <Match when={details().type === 'complete'}>
        <section class="notice" aria-labelledby="account-missing">
          <h1 id="account-missing">Account not found</h1>
          <p>It may have been removed, or it belongs to another organization.</p>
          <p>
            <A href="/accounts">Go to the accounts</A>
          </p>
        </section>
      </Match>
    </Switch>
  );
}
