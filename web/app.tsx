import { A, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { onMount } from 'solid-js';
import { ToastRegion } from './components/toast.tsx';
import { refreshSession } from './features/auth/session.ts';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { SignUpPage } from './features/auth/sign-up-page.tsx';
import { GoalsPage } from './features/goals/goals-page.tsx';
import { KPIDashboard } from './features/kpis/dashboard/dashboard-page.tsx';
import { ArchivedKpisPage } from './features/kpis/detail/archived-page.tsx';
import { KpiPage } from './features/kpis/detail/kpi-page.tsx';
import { AcceptInvitePage } from './features/organizations/accept-invite-page.tsx';
import { CreateOrganizationPage } from './features/organizations/create-organization-page.tsx';
import { MembersPage } from './features/organizations/members-page.tsx';
import { SettingsPage } from './features/settings/settings-page.tsx';
import { WorkspaceLayout } from './features/workspace/workspace-layout.tsx';

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
      <Route path="/" component={WorkspaceLayout}>
        <Route path="/" component={KPIDashboard} />
        <Route path="/kpis/archived" component={ArchivedKpisPage} />
        <Route path="/kpis/:id" component={KpiPage} />
        <Route path="/goals" component={GoalsPage} />
        <Route path="/members" component={MembersPage} />
        <Route path="/settings" component={SettingsPage} />
      </Route>
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
