import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { loadEnv } from './env.ts';
import { DEMO_LOGIN } from './seed.ts';
import { startUntilSignal } from './signals.ts';
import { startStack } from './stack/run-stack.ts';

/** `npm run dev`: the same backend as `npm start`, with Vite serving the web app with hot reload. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const env = loadEnv();
  const vitePort = Number(process.env.VITE_PORT ?? 5173);
  const viteOrigins = [`http://localhost:${vitePort}`, `http://127.0.0.1:${vitePort}`];
  const { stack } = await startUntilSignal(async (signal) => {
    const stack = await startStack(env, { extraOrigins: viteOrigins, signal });
    try {
      // Vite binds where the server does (HOST), like every other port.
      const vite = await createServer({
        configFile: path.join(root, 'vite.config.ts'),
        server: { host: env.HOST, port: vitePort, strictPort: true },
      });
      await vite.listen();
      return {
        stack,
        stop: async () => {
          await vite.close();
          await stack.stop();
        },
      };
    } catch (err) {
      await stack.stop();
      throw err;
    }
  });
  console.log(`\nLive KPI (dev) at ${viteOrigins[0]}  — API on ${stack.url}`);
  if (env.SEED_DEMO) console.log(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
} catch (err) {
  console.error(`\n${(err as Error).message}`);
  process.exit(1);
}
