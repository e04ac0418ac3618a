import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { DEFAULT_CATEGORIES, DEFAULT_UNITS } from '../../../shared/kpi.ts';
import { can } from '../../../shared/roles.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useKpiOptions } from '../kpis/kpi-options.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { ReadOnlyNote } from '../workspace/read-only-note.tsx';
import { RoleGate } from '../workspace/role-gate.tsx';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { ApiKeysPanel } from './api-keys-panel.tsx';
import { FormatsPanel } from './formats-panel.tsx';
import { OptionList } from './option-list.tsx';

/** `/settings`: the organization's formats, its unit and category lists, and (owners/admins) API keys. */
export function SettingsPage() {
  const org = useCurrentOrganization();
  const options = useKpiOptions(() => org.orgID);
  const canManage = () => can(org.role(), 'kpiOption', 'manage');
  const extra = (kind: 'unit' | 'category') => options.rows().filter((o) => o.kind === kind);
  const loading = () => options.details().type === 'unknown';

  return (
    <WorkspacePage
      title="Settings"
      headingId="settings-title"
      subtitle={
        canManage() ? 'Formats, lists and keys for this organization.' : 'Formats and lists used by this organization’s KPIs.'
      }
      actions={
        <Show when={!canManage()}>
          <ReadOnlyNote />
        </Show>
      }
    >
      <p>
        <A href="/settings/health">Health scoring: reference ranges and category weights</A>
      </p>
      <p>
        <A href="/settings/reports">Report e-mail: reports sent on a schedule, and the send log</A>
      </p>
      <p>
        <A href="/settings/shop-floor">Shop floor: lines, products, shifts, employees, downtime reasons and defect types</A>
      </p>
      <QueryError details={options.details()} what="the lists" />
      <div class="settings-layout">
        <FormatsPanel />
        <OptionList kind="unit" defaults={DEFAULT_UNITS} extra={extra('unit')} canManage={canManage()} loading={loading()} />
        <OptionList
          kind="category"
          defaults={DEFAULT_CATEGORIES}
          extra={extra('category')}
          canManage={canManage()}
          loading={loading()}
        />
        <RoleGate allowed={can(org.role(), 'apiKey', 'manage')} action="manage API keys">
          <ApiKeysPanel />
        </RoleGate>
      </div>
    </WorkspacePage>
  );
}
