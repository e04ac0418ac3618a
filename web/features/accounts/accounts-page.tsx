import { useQuery } from '@rocicorp/zero/solid';
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Match, Show, Switch } from 'solid-js';
import { can } from '../../../shared/roles.ts';
import { queries } from '../../../sync/queries.ts';
import { QueryError } from '../../components/query-error.tsx';
import { SelectField, type SelectOption } from '../../components/select-field.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { bandLabel } from '../customer-success/health/health-band.ts';
import { HealthScore } from '../customer-success/health/health-score.tsx';
import { useCurrentOrganization, useFormats } from '../organizations/current-organization.tsx';
import { PageAction } from '../workspace/role-gate.tsx';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { NewAccountDialog } from './account-dialogs.tsx';
import {
  type AccountFilter,
  type AccountSort,
  choicesOf,
  DEFAULT_FILTER,
  filterAccounts,
  filterFromParams,
  type ListedAccount,
} from './account-filter.ts';
import { bandCounts } from './portfolio.ts';
import { PortfolioPanel } from './portfolio-panel.tsx';

const STATUS_OPTIONS: SelectOption[] = [
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
  { value: 'all', label: 'All statuses' },
];
const BAND_OPTIONS: SelectOption[] = [
  { value: '', label: 'Any health' },
  { value: 'critical', label: bandLabel('critical') },
  { value: 'risk', label: bandLabel('risk') },
  { value: 'healthy', label: bandLabel('healthy') },
  { value: 'unscored', label: 'Not scored' },
];
const SORT_OPTIONS: { value: AccountSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'health-asc', label: 'Health, worst first' },
  { value: 'health-desc', label: 'Health, best first' },
  { value: 'revenue-desc', label: 'Annual revenue' },
];
const anyOf = (label: string, values: string[]): SelectOption[] => [
  { value: '', label },
  ...values.map((v) => ({ value: v, label: v })),
];

/**
 * `/accounts`: the organization's accounts with their live health. Search,
 * filters and sort live in the URL, so a filtered list can be shared or
 * bookmarked.
 */
export function AccountsPage() {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const [params, setParams] = useSearchParams();
  const filter = createMemo(() => filterFromParams(params));
  const [accounts, details] = useQuery(() => queries.accounts.list({ orgID: org.orgID }));
  const [health] = useQuery(() => queries.health.portfolio({ orgID: org.orgID }));
  const [members] = useQuery(() => queries.members.list({ orgID: org.orgID }));

  const healthOf = createMemo(() => new Map(health().map((h) => [h.accountID, h])));
  const listed = createMemo<ListedAccount[]>(() => {
    const scores = healthOf();
    const names = new Map(members().map((m) => [m.userID, m.user?.name ?? null]));
    return accounts().map((a) => ({
      id: a.id,
      name: a.name,
      status: a.status,
      industry: a.industry,
      region: a.region,
      annualRevenue: a.annualRevenue,
      ownerName: a.ownerID ? (names.get(a.ownerID) ?? null) : null,
      health: scores.get(a.id)?.overall ?? null,
    }));
  });
  const shown = createMemo(() => filterAccounts(listed(), filter()));
  const set = (key: keyof AccountFilter, param: string) => (value: string) =>
    setParams({ [param]: value === DEFAULT_FILTER[key] ? undefined : value || undefined }, { replace: true });
  const canCreate = () => can(org.role(), 'account', 'create');

  return (
    <WorkspacePage
      title="Accounts"
      headingId="accounts-title"
      subtitle="Your customers and their health, live as their KPIs move."
      actions={
        <div class="page-actions">
          <PageAction allowed={canCreate()} action="create accounts">
            <NewAccountDialog />
          </PageAction>
        </div>
      }
    >
      <Show when={listed().length > 0}>
        <PortfolioPanel counts={bandCounts(shown().map((a) => a.health))} accountIDs={new Set(shown().map((a) => a.id))} />
      </Show>
      <search class="toolbar account-toolbar" aria-label="Find accounts">
        <TextInput
          class="toolbar-search"
          type="search"
          label="Search"
          name="q"
          placeholder="Name, industry, region or CSM"
          autocomplete="off"
          value={filter().search}
          onChange={set('search', 'q')}
        />
        <SelectField
          class="toolbar-select"
          label="Status"
          name="status"
          options={STATUS_OPTIONS}
          value={filter().status}
          onChange={set('status', 'status')}
        />
        <SelectField
          class="toolbar-select"
          label="Industry"
          name="industry"
          options={anyOf('All industries', choicesOf(listed(), 'industry'))}
          value={filter().industry}
          onChange={set('industry', 'industry')}
        />
        <SelectField
          class="toolbar-select"
          label="Region"
          name="region"
          options={anyOf('All regions', choicesOf(listed(), 'region'))}
          value={filter().region}
          onChange={set('region', 'region')}
        />
        <SelectField
          class="toolbar-select"
          label="Health"
          name="band"
          options={BAND_OPTIONS}
          value={filter().band}
          onChange={set('band', 'band')}
        />
        <SelectField
          class="toolbar-select"
          label="Sort by"
          name="sort"
          options={SORT_OPTIONS}
          value={filter().sort}
          onChange={set('sort', 'sort')}
        />
      </search>
      <QueryError details={details()} what="the accounts" />
      <Switch>
        <Match when={accounts().length === 0 && details().type === 'unknown'}>
          <div aria-busy="true">
            <p class="visually-hidden">Loading accounts…</p>
            <div class="skeleton page-skeleton" aria-hidden="true" />
          </div>
        </Match>
        <Match when={accounts().length === 0}>
          <div class="empty-state">
            <h2>No accounts yet</h2>
            <p>
              {canCreate()
                ? 'Add the first customer with “New account”, then give it KPIs: its health follows.'
                : 'When a manager adds an account, it shows up here with its health.'}
            </p>
          </div>
        </Match>
        <Match when={shown().length === 0}>
          <div class="empty-state">
            <h2>No account matches</h2>
            <p>
              <button
                type="button"
                class="button button-secondary"
                onClick={() =>
                  setParams(
                    { q: undefined, status: undefined, industry: undefined, region: undefined, band: undefined, sort: undefined },
                    { replace: true },
                  )
                }
              >
                Clear the filters
              </button>
            </p>
          </div>
        </Match>
        <Match when={shown().length > 0}>
          <p class="list-count" aria-live="polite">
            {shown().length === listed().length
              ? `${shown().length} accounts`
              : `${shown().length} of ${listed().length} accounts`}
          </p>
          <table class="data-table stack-table accounts-table">
            <caption class="visually-hidden">Accounts</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Health</th>
                <th scope="col">CSM</th>
                <th scope="col">Industry</th>
                <th scope="col">Region</th>
                <th scope="col" class="num">
                  Annual revenue
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(a) => (
                  <tr data-account-id={a.id}>
                    <th scope="row">
                      <A href={`/accounts/${a.id}`}>{a.name}</A>
                      <Show when={a.status === 'inactive'}>
                        <span class="muted"> (inactive)</span>
                      </Show>
                    </th>
                    <td data-label="Health">
                      <HealthScore health={healthOf().get(a.id)} subject={a.name} />
                    </td>
                    <td data-label="CSM">{a.ownerName ?? '—'}</td>
                    <td data-label="Industry">{a.industry ?? '—'}</td>
                    <td data-label="Region">{a.region ?? '—'}</td>
                    <td data-label="Annual revenue" class="num">
                      {a.annualRevenue === null || a.annualRevenue === undefined
                        ? '—'
                        : fmt().quantity(a.annualRevenue, fmt().settings.currency)}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Match>
      </Switch>
    </WorkspacePage>
  );
}
