import { useParams } from '@solidjs/router';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { AccountUploads } from './account-uploads.tsx';

/** `/accounts/:id/uploads`: the account's uploads on a page of their own (the account page mounts AccountUploads too). */
export function AccountUploadsPage() {
  const params = useParams<{ id: string }>();
  return (
    <WorkspacePage
      title="KPI uploads"
      headingId="account-uploads-page-title"
      subtitle="Versioned Excel uploads of the account’s KPIs"
    >
      <AccountUploads accountID={params.id} />
    </WorkspacePage>
  );
}
