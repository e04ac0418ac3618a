import { resolveAuthSecret } from './auth/secret.ts';
import { prepareDatabase } from './db/prepare.ts';
import { loadEnv } from './env.ts';

/**
 * `node server/migrate.ts`: readies DATABASE_URL (migrations, role logins) and
 * exits; docker-compose runs it before zero-cache and the app start.
 */
try {
  const env = loadEnv();
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL is required for server/migrate.ts (npm start prepares the embedded Postgres itself).');
  const { migrations } = await prepareDatabase(env.DATABASE_URL, await resolveAuthSecret(env), console.error);
  console.log(`database ready: ${migrations.length} migrations applied`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
