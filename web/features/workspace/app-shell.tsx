import { Button } from '@kobalte/core/button';
import { A, useNavigate } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { ROLE_LABELS } from '../../../shared/roles.ts';
import { currentUser, signOut } from '../auth/session.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { OrganizationSwitcher } from '../organizations/organization-switcher.tsx';
import { KeyboardShortcuts } from '../shortcuts/keyboard-shortcuts.tsx';
import { ConnectionBadge } from '../sync/connection-badge.tsx';
import { SessionRecovery } from '../sync/session-recovery.tsx';
import { DisplayMenu } from './display-menu.tsx';
import { NoAccessNotice } from './no-access-notice.tsx';

/** Header (organization, navigation, sync status, account) around the workspace pages. */
export function AppShell(props: { children: JSX.Element }) {
  const org = useCurrentOrganization();
  const navigate = useNavigate();
  const leave = async () => {
    await signOut().catch(() => undefined);
    navigate('/sign-in', { replace: true });
  };

  return (
    <div class="shell">
      <SessionRecovery />
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <div class="app-header-row">
          <A href="/" class="brand" aria-label="Live KPI home">
            <span class="brand-mark" aria-hidden="true" />
            <span class="brand-name">Live KPI</span>
          </A>
          <OrganizationSwitcher />
          <A href="/organizations/new" class="icon-button icon-link" aria-label="New organization" title="New organization">
            <span aria-hidden="true">+</span>
          </A>
          <ConnectionBadge />
        </div>
        <div class="app-header-row app-header-row-secondary">
          <nav class="app-nav" aria-label="Main">
            <A href="/" end activeClass="active">
              Dashboard
            </A>
            <A href="/kpis" end activeClass="active">
              KPIs
            </A>
            <A href="/goals" activeClass="active">
              Goals
            </A>
            <A href="/accounts" activeClass="active">
              Accounts
            </A>
            <A href="/playbooks" activeClass="active">
              Playbooks
            </A>
            <A href="/shop-floor" activeClass="active">
              Shop floor
            </A>
            <A href="/work-orders" activeClass="active">
              Work orders
            </A>
            <A href="/shop-floor/entry" activeClass="active">
              Entry
            </A>
            <A href="/shop-floor/check-in" activeClass="active">
              Check-in
            </A>
            <A href="/members" activeClass="active">
              Members
            </A>
            <A href="/settings" activeClass="active">
              Settings
            </A>
          </nav>
          <div class="account">
            <span class="account-name">
              {currentUser()?.name}
              <Show when={org.role()}>{(role) => <span class="role-chip">{ROLE_LABELS[role()]}</span>}</Show>
            </span>
            <DisplayMenu />
            <KeyboardShortcuts />
            <Button class="button button-ghost button-small" onClick={() => void leave()}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="main" class="app-main" tabIndex={-1}>
        <Show when={!org.ready() || org.organization()} fallback={<NoAccessNotice />}>
          {props.children}
        </Show>
      </main>
    </div>
  );
}
