import { useQuery } from '@rocicorp/zero/solid';
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Match, Switch } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import { STATUS_LABELS, WORK_ORDER_STATUSES, type WorkOrderStatus } from '../../../../shared/shop-floor/work-orders.ts';
import { queries } from '../../../../sync/queries.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { SelectField, type SelectOption } from '../../../components/select-field.tsx';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { PageAction } from '../../workspace/role-gate.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { WorkOrderStatusBadge } from './status.tsx';
import { NewWorkOrderDialog } from './work-order-dialogs.tsx';

const isStatus = (v: unknown): v is WorkOrderStatus => (WORK_ORDER_STATUSES as readonly unknown[]).includes(v);

/**
 * `/work-orders`: the organization's work orders, live, filtered by status
 * (kept in the URL, `?status=ON_HOLD`, so a filtered list can be shared).
 */
export function WorkOrdersPage() {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const [params, setParams] = useSearchParams();
  const status = () => (isStatus(params.status) ? params.status : null);
  const [orders, details] = useQuery(() => queries.workOrders.list({ orgID: org.orgID }));
  const shown = createMemo(() => (status() ? orders().filter((o) => o.status === status()) : orders()));
  const count = (s: WorkOrderStatus) => orders().filter((o) => o.status === s).length;
  const options = createMemo<SelectOption[]>(() => [
    { value: '', label: `All statuses (${orders().length})` },
    ...WORK_ORDER_STATUSES.map((s) => ({ value: s, label: `${STATUS_LABELS[s]} (${count(s)})` })),
  ]);
  const canCreate = () => can(org.role(), 'workOrder', 'create');

  return (
    <WorkspacePage
      title="Work orders"
      headingId="work-orders-title"
      subtitle="What the floor makes, and where each order stands, live."
      actions={
        <div class="page-actions">
          <A class="button button-secondary" href="/shop-floor/import">
            Import production (CSV)
          </A>
          <PageAction allowed={canCreate()} action="create work orders">
            <NewWorkOrderDialog />
          </PageAction>
        </div>
      }
    >
      <search class="toolbar" aria-label="Filter work orders">
        <SelectField
          class="toolbar-select"
          label="Status"
          name="status"
          options={options()}
          value={status() ?? ''}
          onChange={(v) => setParams({ status: v || undefined }, { replace: true })}
        />
      </search>
      <QueryError details={details()} what="the work orders" />
      <Switch>
        <Match when={orders().length === 0 && details().type === 'unknown'}>
          <div aria-busy="true">
            <p class="visually-hidden">Loading work orders…</p>
            <div class="skeleton page-skeleton" aria-hidden="true" />
          </div>
        </Match>
        <Match when={orders().length === 0}>
          <div class="empty-state">
            <h2>No work orders yet</h2>
            <p>
              {canCreate()
                ? 'Create the first with “New work order”; its jobs, holds and history follow on its page.'
                : 'When a manager creates a work order, it shows up here.'}
            </p>
          </div>
        </Match>
        <Match when={shown().length === 0}>
          <div class="empty-state">
            <h2>No work order is {STATUS_LABELS[status() ?? 'ACTIVE'].toLowerCase()}</h2>
            <p>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => setParams({ status: undefined }, { replace: true })}
              >
                Show every status
              </button>
            </p>
          </div>
        </Match>
        <Match when={shown().length > 0}>
          <p class="list-count" aria-live="polite">
            {shown().length === orders().length
              ? `${shown().length} work orders`
              : `${shown().length} of ${orders().length} work orders`}
          </p>
          <table class="data-table stack-table">
            <caption class="visually-hidden">Work orders</caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Status</th>
                <th scope="col">Product</th>
                <th scope="col" class="num">
                  Planned quantity
                </th>
                <th scope="col">Planned start</th>
                <th scope="col">Planned ship date</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(o) => (
                  <tr data-work-order-id={o.id}>
                    <th scope="row">
                      <A href={`/work-orders/${o.id}`}>{o.number}</A>
                    </th>
                    <td data-label="Status">
                      <WorkOrderStatusBadge status={o.status} />
                    </td>
                    <td data-label="Product">{o.product ? `${o.product.code} · ${o.product.name}` : '—'}</td>
                    <td data-label="Planned quantity" class="num">
                      {fmt().number(o.plannedQuantity)}
                    </td>
                    <td data-label="Planned start">{o.plannedStart == null ? '—' : fmt().dateTime(o.plannedStart)}</td>
                    <td data-label="Planned ship date">{o.plannedShipDate == null ? '—' : fmt().day(o.plannedShipDate)}</td>
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
