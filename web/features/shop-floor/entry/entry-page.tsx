import { Tabs } from '@kobalte/core/tabs';
import { useQuery } from '@rocicorp/zero/solid';
import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { can, ROLE_LABELS } from '../../../../shared/roles.ts';
import { queries } from '../../../../sync/queries.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { RoleGate } from '../../workspace/role-gate.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { useEntryChoices } from './choices.ts';
import './entry.css';
import { KindEntryForm } from './kind-entry-form.tsx';
import { ProductionGrid } from './production-grid.tsx';
import { RecentEntries } from './recent-entries.tsx';

/** How the grid answers the keyboard (grid-navigation.ts), said on the page. */
function GridHelp() {
  return (
    <details class="entry-help" id="entry-grid-help">
      <summary>Keyboard and paste</summary>
      <ul>
        <li>Tab and Shift+Tab move to the next and previous cell; Tab on the last cell adds a row.</li>
        <li>Enter moves down a row in the same column (Shift+Enter up); Enter on the last row adds a row.</li>
        <li>
          Arrow up and down move between rows. Arrow left and right move between cells when the caret is at the start or end of
          the text; a cell you move into has its text selected, so typing replaces it and the arrows move on.
        </li>
        <li>
          Paste cells copied from a spreadsheet into any cell: they fill from there rightwards and down, adding rows. Type the
          work order by number and the line, shift and job by name; dates as 2026-12-02.
        </li>
        <li>Rows are kept on this device until saved. “Review and save” reads each entry back before anything is sent.</li>
      </ul>
    </details>
  );
}

/**
 * `/shop-floor/entry`: production entry in a keyboard grid, quality,
 * downtime and attendance in their own tabs, and the latest entries, live.
 * Operators enter; managers and up edit recent entries; viewers read.
 */
export function EntryPage() {
  const org = useCurrentOrganization();
  const choices = useEntryChoices();
  const [recent, details] = useQuery(() => queries.productionEntries.recent({ orgID: org.orgID }));
  const savedIDs = createMemo(() => new Set(recent().map((e) => e.id)));
  const canCreate = () => can(org.role(), 'shopFloorEntry', 'create');
  const canEdit = () => can(org.role(), 'shopFloorEntry', 'update');

  return (
    <WorkspacePage
      title="Shop-floor entry"
      headingId="entry-title"
      subtitle={
        <>
          What each shift made, found, lost and who was there. On a phone, use <A href="/shop-floor/check-in">check-in</A>.
        </>
      }
    >
      <Show when={org.role()}>
        {(role) => (
          <Show when={!canCreate()}>
            <p class="read-only-note entry-view-only">
              You can only view entries: your role ({ROLE_LABELS[role()]}) reads the shop floor; operators and up enter.
            </p>
          </Show>
        )}
      </Show>
      <RoleGate allowed={canCreate()} action="enter shop-floor entries">
        <Tabs class="tabs entry-tabs" defaultValue="production">
          <Tabs.List class="tabs-list" aria-label="Kind of entry">
            <Tabs.Trigger class="tabs-trigger" value="production">
              Production
            </Tabs.Trigger>
            <Tabs.Trigger class="tabs-trigger" value="quality">
              Quality
            </Tabs.Trigger>
            <Tabs.Trigger class="tabs-trigger" value="downtime">
              Downtime
            </Tabs.Trigger>
            <Tabs.Trigger class="tabs-trigger" value="attendance">
              Attendance
            </Tabs.Trigger>
            <Tabs.Indicator class="tabs-indicator" />
          </Tabs.List>
          <Tabs.Content class="tabs-content" value="production">
            <GridHelp />
            <ProductionGrid choices={choices()} savedIDs={savedIDs()} />
          </Tabs.Content>
          <Tabs.Content class="tabs-content" value="quality">
            <KindEntryForm kind="qualityEntry" />
          </Tabs.Content>
          <Tabs.Content class="tabs-content" value="downtime">
            <KindEntryForm kind="downtimeEntry" />
          </Tabs.Content>
          <Tabs.Content class="tabs-content" value="attendance">
            <KindEntryForm kind="attendanceEntry" />
          </Tabs.Content>
        </Tabs>
      </RoleGate>
      <QueryError details={details()} what="the recent entries" />
      <RecentEntries entries={recent()} loading={details().type === 'unknown'} canEdit={canEdit()} />
    </WorkspacePage>
  );
}
