import { useQuery } from '@rocicorp/zero/solid';
import { A, useParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import { isFinal, nextStatuses, transitionAction } from '../../../../shared/shop-floor/work-orders.ts';
import { queries } from '../../../../sync/queries.ts';
import type { Job, Product, WorkOrder } from '../../../../sync/schema.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { ReadOnlyNote } from '../../workspace/read-only-note.tsx';
import { RoleGate } from '../../workspace/role-gate.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { JobList } from './job-list.tsx';
import { WorkOrderStatusBadge } from './status.tsx';
import { TransitionActions } from './transition-actions.tsx';
import { EditWorkOrderDialog } from './work-order-dialogs.tsx';
import { HoldList, type HoldRow, TransitionHistory, type TransitionRow } from './work-order-history.tsx';

type FullOrder = WorkOrder & {
  readonly product?: Product | undefined;
  readonly jobs: readonly (Job & { readonly line?: { name: string } | undefined })[];
  readonly transitions: readonly TransitionRow[];
  readonly holds: readonly HoldRow[];
};

function WorkOrderView(props: { order: FullOrder }) {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const o = () => props.order;
  const canEdit = () => can(org.role(), 'workOrder', 'update');
  const canMove = () => can(org.role(), 'workOrder', 'hold') || can(org.role(), 'workOrder', 'close');
  const movesForRole = () => nextStatuses(o().status).some((to) => can(org.role(), 'workOrder', transitionAction(to)));
  const day = (ms: number | null | undefined) => (ms == null ? '—' : fmt().day(ms));
  return (
    <WorkspacePage
      title={`Work order ${o().number}`}
      headingId="work-order-title"
      subtitle={<A href="/work-orders">All work orders</A>}
      actions={
        <div class="page-actions">
          <RoleGate allowed={canMove()} action="move work orders">
            <TransitionActions order={o()} />
          </RoleGate>
          <RoleGate allowed={canEdit()} action="edit work orders">
            <EditWorkOrderDialog order={o()} />
          </RoleGate>
          <Show when={!canEdit() && !movesForRole()}>
            <ReadOnlyNote />
          </Show>
        </div>
      }
    >
      <dl class="details-list wo-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <WorkOrderStatusBadge status={o().status} />
            <Show when={isFinal(o().status)}>
              <span class="muted"> (final)</span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>Product</dt>
          <dd>
            <Show when={o().product} fallback="—">
              {(p) => (
                <>
                  {p().code} · {p().name}
                  <span class="muted">
                    {p().idealCycleSeconds == null
                      ? ' (no ideal cycle time)'
                      : ` (${fmt().number(p().idealCycleSeconds as number)} s per piece)`}
                  </span>
                </>
              )}
            </Show>
          </dd>
        </div>
        <div>
          <dt>Planned quantity</dt>
          <dd>{fmt().number(o().plannedQuantity)}</dd>
        </div>
        <div>
          <dt>Planned start</dt>
          <dd>{o().plannedStart == null ? '—' : fmt().dateTime(o().plannedStart as number)}</dd>
        </div>
        <div>
          <dt>Planned ship date</dt>
          <dd>{day(o().plannedShipDate)}</dd>
        </div>
        <div>
          <dt>Actual ship date</dt>
          <dd>{day(o().actualShipDate)}</dd>
        </div>
      </dl>
      <JobList workOrderID={o().id} status={o().status} jobs={o().jobs} />
      <div class="wo-columns">
        <TransitionHistory transitions={o().transitions} />
        <HoldList holds={o().holds} />
      </div>
    </WorkspacePage>
  );
}

/** `/work-orders/:id`: one work order, its jobs, its history and holds, and the moves the lifecycle allows; live. */
export function WorkOrderPage() {
  const params = useParams<{ id: string }>();
  const org = useCurrentOrganization();
  const [order, details] = useQuery(() => queries.workOrders.byId({ orgID: org.orgID, workOrderID: params.id }));
  return (
    <Switch
      fallback={
        <section class="page" aria-busy="true" aria-label="Loading work order">
          <div class="skeleton page-skeleton" aria-hidden="true" />
          <p class="visually-hidden">Loading the work order…</p>
        </section>
      }
    >
      <Match when={order()}>{(wo) => <WorkOrderView order={wo() as FullOrder} />}</Match>
      <Match when={details().type === 'error'}>
        <QueryError details={details()} what="this work order" />
      </Match>
      <Match when={details().type === 'complete'}>
        <section class="notice" aria-labelledby="work-order-missing">
          <h1 id="work-order-missing">Work order not found</h1>
          <p>It may belong to another organization, or the link is wrong.</p>
          <p>
            <A href="/work-orders">Go to the work orders</A>
          </p>
        </section>
      </Match>
    </Switch>
  );
}
