import { Tabs } from '@kobalte/core/tabs';
import { can } from '../../../shared/roles.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { PageAction } from '../workspace/role-gate.tsx';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { NewGoalDialog } from './goal-dialogs.tsx';
import { GoalList } from './goal-list.tsx';

/** `/goals`: the organization's goals with live progress and pace. */
export function GoalsPage() {
  const org = useCurrentOrganization();
  const canCreate = () => can(org.role(), 'goal', 'create');
  return (
    <WorkspacePage
      title="Goals"
      headingId="goals-title"
      subtitle="Weighted KPIs towards a date. Progress moves as data lands."
      actions={
        <PageAction allowed={canCreate()} action="create goals">
          <NewGoalDialog />
        </PageAction>
      }
    >
      <Tabs class="tabs" defaultValue="active">
        <Tabs.List class="tabs-list" aria-label="Which goals">
          <Tabs.Trigger class="tabs-trigger" value="active">
            Active
          </Tabs.Trigger>
          <Tabs.Trigger class="tabs-trigger" value="archived">
            Archived
          </Tabs.Trigger>
          <Tabs.Indicator class="tabs-indicator" />
        </Tabs.List>
        <Tabs.Content class="tabs-content" value="active">
          <GoalList archived={false} />
        </Tabs.Content>
        <Tabs.Content class="tabs-content" value="archived">
          <GoalList archived />
        </Tabs.Content>
      </Tabs>
    </WorkspacePage>
  );
}
