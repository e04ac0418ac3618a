import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnv } from './env.ts';
import { DEMO_LOGIN } from './seed.ts';
import { startUntilSignal } from './signals.ts';
import { startStack } from './stack/run-stack.ts';

/** `npm start`: the whole stack, serving the built web app. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const env = loadEnv();
  const started = Date.now();
  console.log('Starting Live KPI ...');
  const stack = await startUntilSignal((signal) => startStack(env, { webDist: path.join(root, 'web', 'dist'), signal }));
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  console.log(`\nLive KPI is running at ${publicUrl}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (env.SEED_DEMO)
    console.log(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}${stack.seeded ? '  (just created)' : ''}`);
  console.log('Press Ctrl-C to stop.');
} catch (err) {
  console.error(`\n${(err as Error).message}`);
  process.exit(1);
}
