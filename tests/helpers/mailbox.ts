import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the tests' SMTP server writes each message it receives to (one .eml file per message). */
    mailbox: string;
    /** That SMTP server's address (the stack's SMTP_URL), for tests that send through it in-process. */
    smtpUrl: string;
  }
}

/** Addresses here are refused for now (451) the first time, as a greylisting server does. */
export const GREYLIST_DOMAIN = 'greylist.test';

/**
 * A real SMTP server on 127.0.0.1 (the nodemailer project's smtp-server),
 * the one stand-in for the outside world the mail tests need: the stack's
 * SMTP_URL points at it, and it keeps every message it receives, whole, as a
 * file in `dir`, so test files (in other workers) read what was really sent.
 */
export async function startSmtpServer(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  await mkdir(dir, { recursive: true });
  let seq = 0;
  const greylisted = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Greylisting, as many mail servers do: a first message to an address at GREYLIST_DOMAIN is refused
    // for now (451), the next ones are accepted.
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (to.endsWith(`@${GREYLIST_DOMAIN}`) && !greylisted.has(to)) {
        greylisted.add(to);
        callback(Object.assign(new Error('4.7.1 Greylisted: please try again later'), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const name = `${Date.now()}-${process.pid}-${++seq}.eml`;
        const envelope = session.envelope.rcptTo.map((r) => r.address).join(',');
        writeFile(path.join(dir, name), Buffer.concat([Buffer.from(`X-Envelope-To: ${envelope}\r\n`), ...chunks])).then(
          () => callback(null, `Queued as ${name}`),
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('SMTP server has no port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedMail {
  /** The envelope's recipients, as the SMTP server was told. */
  envelopeTo: string[];
  mail: ParsedMail;
}

async function readMailbox(): Promise<ReceivedMail[]> {
  const dir = inject('mailbox');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const raw = await readFile(path.join(dir, name));
      const mail = await simpleParser(raw);
      const envelope = String(mail.headers.get('x-envelope-to') ?? '');
      return { envelopeTo: envelope ? envelope.split(',') : [], mail };
    }),
  );
}

/** The messages received so far for `address`. */
export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  return (await readMailbox()).filter((m) => m.envelopeTo.includes(address));
}

/** Waits until `count` messages for `address` have arrived (and returns them); fails after `timeoutMs`. */
export async function waitForMails(address: string, count = 1, timeoutMs = 20_000): Promise<ReceivedMail[]> {
  const started = Date.now();
  for (;;) {
    const mails = await mailsTo(address);
    if (mails.length >= count) return mails;
    if (Date.now() - started > timeoutMs) throw new Error(`expected ${count} mail(s) to ${address}, got ${mails.length}`);
    await sleep(100);
  }
}
