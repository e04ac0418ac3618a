import { A, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { type Component, lazy, onMount } from 'solid-js';
import { ToastRegion } from './components/toast.tsx';
import { refreshSession } from './features/auth/session.ts';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { SignUpPage } from './features/auth/sign-up-page.tsx';
import { AcceptInvitePage } from './features/organizations/accept-invite-page.tsx';
import { CreateOrganizationPage } from './features/organizations/create-organization-page.tsx';
import { WorkspaceLayout } from './features/workspace/workspace-layout.tsx';

/**
 * A page loaded on its first visit, from its own chunk: the first download is
 * the shell (sign-in, the workspace layout, sync), and a phone fetches a
 * pack's pages only when it opens them. The layout stays on screen meanwhile.
 */
function page<K extends string>(load: () => Promise<Record<K, Component>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

// KPI tracker.
const KPIDashboard = page(() => import('./features/kpis/dashboard/dashboard-page.tsx'), 'KPIDashboard');
const ArchivedKpisPage = page(() => import('./features/kpis/detail/archived-page.tsx'), 'ArchivedKpisPage');
const KpiPage = page(() => import('./features/kpis/detail/kpi-page.tsx'), 'KpiPage');
const GoalsPage = page(() => import('./features/goals/goals-page.tsx'), 'GoalsPage');
const AccountsPage = page(() => import('./features/accounts/accounts-page.tsx'), 'AccountsPage');
const AccountPage = page(() => import('./features/accounts/account-page.tsx'), 'AccountPage');
// Dashboards.
const HomePage = page(() => import('./features/dashboards/home-page.tsx'), 'HomePage');
const DashboardPage = page(() => import('./features/dashboards/dashboard-page.tsx'), 'DashboardPage');
const TvPage = page(() => import('./features/dashboards/tv/tv-page.tsx'), 'TvPage');
const SharedTvPage = page(() => import('./features/dashboards/tv/shared-tv-page.tsx'), 'SharedTvPage');
// Customer success.
const HealthConfigPage = page(
  () => import('./features/customer-success/health-config/health-config-page.tsx'),
  'HealthConfigPage',
);
const AccountUploadsPage = page(
  () => import('./features/customer-success/uploads/account-uploads-page.tsx'),
  'AccountUploadsPage',
);
const PlaybooksPage = page(() => import('./features/playbooks/playbooks-page.tsx'), 'PlaybooksPage');
const ExecutionPage = page(() => import('./features/playbooks/execution-page.tsx'), 'ExecutionPage');
// Shop floor.
const WorkOrdersPage = page(() => import('./features/shop-floor/work-orders/work-orders-page.tsx'), 'WorkOrdersPage');
const WorkOrderPage = page(() => import('./features/shop-floor/work-orders/work-order-page.tsx'), 'WorkOrderPage');
const ImportPage = page(() => import('./features/shop-floor/import/import-page.tsx'), 'ImportPage');
const EntryPage = page(() => import('./features/shop-floor/entry/entry-page.tsx'), 'EntryPage');
const CheckInPage = page(() => import('./features/shop-floor/check-in/check-in-page.tsx'), 'CheckInPage');
const MasterDataPage = page(() => import('./features/shop-floor/master-data/master-data-page.tsx'), 'MasterDataPage');
const LineDashboardPage = page(() => import('./features/shop-floor/line-dashboard/line-dashboard-page.tsx'), 'LineDashboardPage');
// Platform pages outside the shell.
const MembersPage = page(() => import('./features/organizations/members-page.tsx'), 'MembersPage');
const SettingsPage = page(() => import('./features/settings/settings-page.tsx'), 'SettingsPage');
const SchedulesPage = page(() => import('./features/report-email/schedules-page.tsx'), 'SchedulesPage');

function Root(props: RouteSectionProps) {
  onMount(() => {
    refreshSession().catch(() => undefined);
  });
  return (
    <>
      {props.children}
      <ToastRegion />
    </>
  );
}

function NotFound() {
  return (
    <main class="loading-screen">
      <h1>Page not found</h1>
      <p>
        <A href="/">Go to the dashboard</A>
      </p>
    </main>
  );
}

export function App() {
  return (
    <Router root={Root}>
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/sign-up" component={SignUpPage} />
      <Route path="/invite/:id" component={AcceptInvitePage} />
      <Route path="/organizations/new" component={CreateOrganizationPage} />
      <Route path="/tv/:token" component={SharedTvPage} />
      <Route path="/" component={WorkspaceLayout}>
        <Route path="/" component={HomePage} />
        <Route path="/dashboards/:id" component={DashboardPage} />
        <Route path="/tv" component={TvPage} />
        <Route path="/kpis" component={KPIDashboard} />
        <Route path="/kpis/archived" component={ArchivedKpisPage} />
        <Route path="/kpis/:id" component={KpiPage} />
        <Route path="/goals" component={GoalsPage} />
        <Route path="/accounts" component={AccountsPage} />
        <Route path="/accounts/:id" component={AccountPage} />
        <Route path="/members" component={MembersPage} />
        <Route path="/settings" component={SettingsPage} />
        <Route path="/settings/health" component={HealthConfigPage} />
        <Route path="/settings/reports" component={SchedulesPage} />
        <Route path="/accounts/:id/uploads" component={AccountUploadsPage} />
        <Route path="/playbooks" component={PlaybooksPage} />
        <Route path="/executions/:id" component={ExecutionPage} />
        <Route path="/shop-floor" component={LineDashboardPage} />
        <Route path="/work-orders" component={WorkOrdersPage} />
        <Route path="/work-orders/:id" component={WorkOrderPage} />
        <Route path="/settings/shop-floor" component={MasterDataPage} />
        <Route path="/shop-floor/import" component={ImportPage} />
        <Route path="/shop-floor/entry" component={EntryPage} />
        <Route path="/shop-floor/check-in" component={CheckInPage} />
      </Route>
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
