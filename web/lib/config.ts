import { api } from './api.ts';

/** What the server tells the browser at start-up (GET /api/config). */
export interface ClientConfig {
  zeroURL: string | null;
  zeroPort: number;
  googleSignIn: boolean;
  /** Whether insight summaries are narrated by an AI model (otherwise built from the statistics alone). */
  aiNarration?: boolean;
  /** Whether the server can send mail (SMTP_URL set); the report e-mail page says so when not. */
  mailConfigured?: boolean;
  /** Whether a model answers chat questions (otherwise the chat panel says chat is off). */
  aiChat?: boolean;
}

let pending: Promise<ClientConfig> | undefined;

/** Loaded once per page; a failed load is retried on the next call. */
export function loadConfig(): Promise<ClientConfig> {
  pending ??= api.get<ClientConfig>('/api/config').catch((err: unknown) => {
    pending = undefined;
    throw err;
  });
  return pending;
}

/**
 * Where the Zero client connects. The host must be the page's own hostname:
 * cookies are host-only, and a different name (127.0.0.1 vs localhost) would
 * reach zero-cache without the session cookie.
 */
export function zeroCacheURL(config: ClientConfig): string {
  return config.zeroURL ?? `${location.protocol}//${location.hostname}:${config.zeroPort}`;
}
