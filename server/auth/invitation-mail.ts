import { isRole, ROLE_LABELS } from '../../shared/roles.ts';
import type { Mailer } from '../mail/mailer.ts';

export interface InvitationMailDeps {
  mailer: Mailer;
  /** The app's public address: the accept link is `${appUrl}/invite/{id}` (web/features/organizations/accept-invite-page.tsx). */
  appUrl: string;
  log: (line: string) => void;
}

interface InvitationData {
  id: string;
  role: string;
  email: string;
  organization: { name: string };
  inviter: { user: { name: string; email: string } };
}

/**
 * better-auth's `sendInvitationEmail` hook: mails the invitee the accept
 * link. The invitation is made either way (the inviter can still copy the
 * link from the members page), so the mail goes out after the request, and
 * its outcome (sent with the SMTP answer, not configured, or the error) goes
 * to the server log rather than failing the invite.
 */
export function invitationMailer(deps: InvitationMailDeps) {
  return async (data: InvitationData): Promise<void> => {
    const link = `${deps.appUrl}/invite/${encodeURIComponent(data.id)}`;
    const role = isRole(data.role) ? ROLE_LABELS[data.role] : data.role;
    const inviter = data.inviter.user.name || data.inviter.user.email;
    const message = {
      to: [data.email],
      subject: `${inviter} invited you to ${data.organization.name} on Live KPI`,
      text: [
        `${inviter} invited you to join ${data.organization.name} on Live KPI as ${role}.`,
        `Accept the invitation: ${link}`,
        'The link works for 7 days. If you did not expect this, ignore this message.',
      ].join('\n\n'),
    };
    void deps.mailer.send(message).then(
      (outcome) =>
        deps.log(
          outcome.status === 'sent'
            ? `[mail] invitation ${data.id} sent (${outcome.messageId}: ${outcome.response})`
            : `[mail] invitation ${data.id} not sent: SMTP_URL is not configured (the inviter shares the link)`,
        ),
      (err: Error) => deps.log(`[mail] invitation ${data.id} failed: ${err.message}`),
    );
  };
}
