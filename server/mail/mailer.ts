import { createTransport } from 'nodemailer';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailMessage {
  to: readonly string[];
  subject: string;
  text: string;
  attachments?: readonly MailAttachment[];
}

/** What became of a message: handed to the SMTP server (its id and answer), or not sent because no SMTP is configured. */
export type MailOutcome = { status: 'sent'; messageId: string; response: string } | { status: 'not_configured' };

export interface Mailer {
  /** Whether SMTP_URL is set (the web app says so when it is not). */
  readonly configured: boolean;
  /** Sends one message; an SMTP refusal or an unreachable server throws with the server's words. */
  send(message: MailMessage): Promise<MailOutcome>;
  close(): void;
}

/**
 * The server's one way out for e-mail (scheduled reports, invitations):
 * nodemailer over SMTP_URL. Without SMTP_URL nothing is sent and each caller
 * logs `not_configured`, so the app works the same on a laptop with no mail server.
 */
export function createMailer(opts: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!opts.smtpUrl) {
    return { configured: false, send: async () => ({ status: 'not_configured' }), close: () => {} };
  }
  const transport = createTransport(opts.smtpUrl);
  return {
    configured: true,
    async send(message) {
      const info = await transport.sendMail({
        from: opts.from,
        to: [...message.to],
        subject: message.subject,
        text: message.text,
        attachments: (message.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content),
        })),
      });
      return { status: 'sent', messageId: String(info.messageId ?? ''), response: String(info.response ?? '') };
    },
    close: () => transport.close(),
  };
}

// nodemailer's codes for a server it could not reach or that went away mid-message.
const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EAI_AGAIN']);

/**
 * A failure worth trying again later: the SMTP server answered 4xx (a
 * temporary refusal, e.g. greylisting or a full queue) or could not be
 * reached. A 5xx (unknown mailbox, message refused) is final.
 */
export function isTemporaryMailFailure(err: unknown): boolean {
  const { responseCode, code } = (err ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') return responseCode >= 400 && responseCode < 500;
  return typeof code === 'string' && UNREACHABLE.has(code);
}
