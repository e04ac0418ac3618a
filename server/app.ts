import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Sql } from 'postgres';
import type { Auth } from './auth/auth.ts';
import { authRoutes } from './auth/routes.ts';
import { CHAT_OFF, type ChatSettings } from './chat/answer.ts';
import { apiError, handleError } from './http/errors.ts';
import { healthRoutes, type StackStatus } from './http/health.ts';
import { slowRequestLog } from './http/slow-requests.ts';
import { dropTasks, type PostCommit } from './mutators/post-commit.ts';
import { restRoutes } from './rest/index.ts';
import { createDbProvider } from './zero/db-provider.ts';
import { zeroRoutes } from './zero/routes.ts';

export interface AppDeps {
  auth: Auth;
  appSql: Sql;
  adminSql: Sql;
  status: StackStatus;
  zeroKeepaliveUrl: string;
  zeroApiKey?: string | undefined;
  trustProxy: readonly string[];
  /** What the browser needs to reach zero-cache and which sign-ins exist. */
  clientConfig: {
    zeroURL: string | null;
    zeroPort: number;
    googleSignIn: boolean;
    aiNarration: boolean;
    /** Whether SMTP_URL is set: the report e-mail page says mail goes nowhere when not. */
    mailConfigured: boolean;
  };
  /** Built web app to serve (web/dist); omitted in dev, where Vite serves it. */
  webDist?: string | undefined;
  /** Receives each committed write's post-commit tasks (the job queue's `send`); dropped when unset. */
  postCommit?: PostCommit | undefined;
  /** The chat's model and limits; chat is off (503) when unset or without a model. */
  chat?: ChatSettings | undefined;
  log: (msg: string) => void;
}

/** Composes the HTTP surface; every part lives in its own module. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.use('*', requestId());
  app.use('/api/*', slowRequestLog({ adminSql: deps.adminSql, log: deps.log }).middleware);
  app.onError((err, c) => handleError(err, c, deps.log));

  // One transaction provider on the app pool for both write paths (Zero mutate and REST),
  // and one sink for the work their committed writes queue.
  const dbProvider = createDbProvider(deps.appSql);
  const postCommit = deps.postCommit ?? dropTasks;
  app.route('/api/auth', authRoutes(deps.auth, deps.trustProxy));
  app.route(
    '/api/zero',
    zeroRoutes({ auth: deps.auth, dbProvider, adminSql: deps.adminSql, apiKey: deps.zeroApiKey, postCommit, log: deps.log }).app,
  );
  app.route(
    '/api/health',
    healthRoutes({ status: deps.status, adminSql: deps.adminSql, zeroKeepaliveUrl: deps.zeroKeepaliveUrl }),
  );
  app.get('/api/config', (c) => c.json({ ...deps.clientConfig, aiChat: Boolean(deps.chat?.model) }));
  const chat = { appSql: deps.appSql, settings: deps.chat ?? CHAT_OFF, log: deps.log };
  app.route('/', restRoutes({ auth: deps.auth, dbProvider, adminSql: deps.adminSql, postCommit, chat }));
  app.all('/api/*', (c) => apiError(c, 'NOT_FOUND', `No API endpoint ${c.req.method} ${c.req.path}.`));

  const dist = deps.webDist;
  if (dist && existsSync(path.join(dist, 'index.html'))) {
    const root = path.relative(process.cwd(), dist) || '.';
    app.use('/assets/*', serveStatic({ root }));
    app.use('*', serveStatic({ root }));
    // Client-side routes (e.g. /invite/abc) all load the app shell.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  return app;
}
