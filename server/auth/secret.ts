import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '../env.ts';

/**
 * A secret kept under DATA_DIR: generated once (mode 600) and reused, so what
 * it protects survives restarts. Production sets its secrets in the
 * environment (env.ts refuses to start without them).
 */
export async function localSecret(dataDir: string, fileName: string): Promise<string> {
  const file = path.join(dataDir, fileName);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** AUTH_SECRET signs session cookies. */
export async function resolveAuthSecret(env: Env): Promise<string> {
  return env.AUTH_SECRET ?? localSecret(env.DATA_DIR, 'auth-secret');
}

/**
 * zero-cache's admin password guards /statz and the inspector. Without one,
 * zero-cache in development mode lets anyone with a sync connection run the
 * inspector's analyze-query over any table, unfiltered: never run without it.
 */
export const ZERO_ADMIN_PASSWORD_FILE = 'zero-admin-password';

export async function resolveZeroAdminPassword(env: Env): Promise<string> {
  return env.ZERO_ADMIN_PASSWORD ?? localSecret(env.DATA_DIR, ZERO_ADMIN_PASSWORD_FILE);
}
