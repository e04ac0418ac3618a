import { migrate } from '../db/migrate.ts';
import { assertLogicalWal, createPools } from './db/pools.ts';
import { loadEnv } from './env.ts';

/** `node server/migrate.ts`: applies migrations to DATABASE_URL and exits (docker-compose runs it before zero-cache). */
try {
  const env = loadEnv();
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL is required for server/migrate.ts (npm start migrates the embedded Postgres itself).');
  const pools = createPools(env.DATABASE_URL);
  try {
    await assertLogicalWal(pools.admin);
  } finally {
    await pools.close();
  }
  const applied = await migrate(env.DATABASE_URL, console.error);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
