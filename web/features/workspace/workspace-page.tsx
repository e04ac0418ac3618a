import type { JSX } from 'solid-js';
import { usePageTitle } from '../../lib/page-title.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';

export interface WorkspacePageProps {
  title: string;
  /** Id of the heading, which names the page's region. */
  headingId: string;
  subtitle: JSX.Element;
  /** Controls beside the heading (e.g. "New KPI"). */
  actions?: JSX.Element;
  children: JSX.Element;
}

/** A page of the signed-in workspace: its heading, and a tab title naming the organization. */
export function WorkspacePage(props: WorkspacePageProps) {
  const org = useCurrentOrganization();
  usePageTitle(() => `${props.title} · ${org.organization()?.name ?? 'Live KPI'}`);
  return (
    <section class="page" aria-labelledby={props.headingId}>
      <div class="page-head">
        <div>
          <h1 id={props.headingId}>{props.title}</h1>
          <p class="page-subtitle">{props.subtitle}</p>
        </div>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}
