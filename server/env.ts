import { z } from 'zod';

/**
 * Every environment variable the server reads, validated once at start-up.
 * A bad value stops the process with a message naming the variable.
 */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const port = (fallback: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65535).default(fallback));
/** A whole number from `min` to `max`, `fallback` when unset. */
const bounded = (fallback: number, min: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: optionalText.pipe(
    z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  PG_PORT: port(54329),
  HOST: z.string().default('127.0.0.1'),
  PORT: port(3000),
  ZERO_PORT: port(4848),
  /** Set when zero-cache runs elsewhere (docker-compose); then no child is spawned. */
  ZERO_CACHE_URL: optionalText,
  /** The address browsers use for zero-cache; defaults to the page's host with ZERO_PORT. */
  PUBLIC_ZERO_URL: optionalText,
  PUBLIC_URL: optionalText,
  ZERO_ADMIN_PASSWORD: optionalText,
  /** Shared with zero-cache (ZERO_QUERY_API_KEY / ZERO_MUTATE_API_KEY); generated per run when we spawn it. */
  ZERO_API_KEY: optionalText,
  AUTH_SECRET: optionalText.pipe(z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional()),
  GOOGLE_CLIENT_ID: optionalText,
  GOOGLE_CLIENT_SECRET: optionalText,
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((s) => s === 'true'),
  /** An OpenAI-compatible model writes insight narratives when a key or a base URL is set. */
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url({ message: 'must be an http(s) URL' }).optional()),
  AI_MODEL: z.string().trim().default('gpt-4o-mini'),
  /** Outgoing mail (scheduled reports, invitations): smtp://user:pass@host:587 or smtps://...:465. Unset: no mail is sent, and the logs say so. */
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).optional()),
  /** The From of every message the server sends. */
  MAIL_FROM: z.string().trim().min(3).default('Live KPI <no-reply@localhost>'),
  /** AI chat: questions an organization may ask per hour (then 429 with Retry-After). */
  CHAT_MESSAGES_PER_HOUR: bounded(60, 1, 100_000),
  /** AI chat: the most tokens one answer may use. */
  CHAT_MAX_OUTPUT_TOKENS: bounded(1000, 50, 100_000),
  /** AI chat: an answer, tool calls included, must finish within this many milliseconds. */
  CHAT_TIMEOUT_MS: bounded(60_000, 1000, 600_000),
  // A report e-mail refused for now (greylisting, the SMTP server down) is tried again after this many
  // seconds, doubling each time, for up to an hour (server/report-email/deliver.ts).
  REPORT_SEND_RETRY_SECONDS: bounded(60, 1, 3600),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof schema>;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production') {
    // zero-cache's admin password is ours to pass only when we spawn zero-cache.
    const required = [
      'AUTH_SECRET',
      'DATABASE_URL',
      'PUBLIC_URL',
      env.ZERO_CACHE_URL ? 'ZERO_API_KEY' : 'ZERO_ADMIN_PASSWORD',
    ] as const;
    const missing = required.filter((k) => !env[k]);
    if (missing.length)
      throw new Error(`Invalid environment:\n${missing.map((k) => `  ${k}: required when NODE_ENV=production`).join('\n')}`);
  }
  if (Boolean(env.GOOGLE_CLIENT_ID) !== Boolean(env.GOOGLE_CLIENT_SECRET)) {
    throw new Error('Invalid environment:\n  GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set together');
  }
  return env;
}

export function publicUrl(env: Env): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}
