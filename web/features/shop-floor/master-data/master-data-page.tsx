import { useQuery } from '@rocicorp/zero/solid';
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { can, ROLE_LABELS } from '../../../../shared/roles.ts';
import { MASTER_DATA_KINDS, type MasterDataKind } from '../../../../shared/shop-floor/master-data.ts';
import { queries } from '../../../../sync/queries.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { MasterDataSection } from './master-data-section.tsx';
import { RecomputePanel } from './recompute-panel.tsx';
import { MASTER_SPECS, type MasterRow } from './specs.ts';

/**
 * `/settings/shop-floor`: the shop floor's master data (lines, products,
 * shifts, employees, downtime reasons, defect types), live. Managers and
 * admins edit it; everyone else reads it, and is told why. Below it, the
 * recompute of stored KPIs after a change, with its progress live.
 */
export function MasterDataPage() {
  const org = useCurrentOrganization();
  const orgID = () => ({ orgID: org.orgID });
  // One query per table: Zero cannot unify different tables' requests in one useQuery call.
  const results = {
    line: useQuery(() => queries.lines.list(orgID())),
    product: useQuery(() => queries.products.list(orgID())),
    shift: useQuery(() => queries.shifts.list(orgID())),
    employee: useQuery(() => queries.employees.list(orgID())),
    downtimeReason: useQuery(() => queries.downtimeReasons.list(orgID())),
    defectType: useQuery(() => queries.defectTypes.list(orgID())),
  } satisfies Record<MasterDataKind, unknown>;
  const rows = (kind: MasterDataKind) => results[kind][0]() as readonly MasterRow[];
  const details = (kind: MasterDataKind) => results[kind][1]();
  const canEdit = () => MASTER_DATA_KINDS.some((kind) => can(org.role(), kind, 'update'));

  return (
    <WorkspacePage
      title="Shop floor settings"
      headingId="master-data-title"
      subtitle={
        <>
          Lines, products, shifts, employees, downtime reasons and defect types. <A href="/work-orders">Work orders</A>
        </>
      }
      actions={
        <Show when={!canEdit() && org.role()}>
          {(role) => (
            <p class="read-only-note">
              Read-only for your role <span class="read-only-role">({ROLE_LABELS[role()]})</span>: managers and admins keep the
              master data.
            </p>
          )}
        </Show>
      }
    >
      <div class="master-data-layout">
        <For each={MASTER_SPECS}>
          {(spec) => (
            <div>
              <QueryError details={details(spec.kind)} what={spec.title.toLowerCase()} />
              <MasterDataSection spec={spec} rows={rows(spec.kind)} loading={details(spec.kind).type === 'unknown'} />
            </div>
          )}
        </For>
      </div>
      <RecomputePanel />
    </WorkspacePage>
  );
}
