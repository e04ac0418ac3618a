import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { mustGetMutator, mustGetQuery, type ReadonlyJSONValue } from '@rocicorp/zero';
import { handleMutateRequest, handleQueryRequest } from '@rocicorp/zero/server';
import { zeroPostgresJS } from '@rocicorp/zero/server/adapters/postgresjs';
import { type Context, Hono } from 'hono';
import postgres from 'postgres';
import { freePort, freePortPair, urlHost } from '../../../server/stack/ports.ts';
import { startZeroCache } from '../../../server/stack/zero-cache.ts';
import { type FloorContext, floorMutators, floorQueries, floorSchema } from './floor-schema.ts';

export const FLOOR_APP_ID = 'zfloor';
const FLOOR_DB = 'bench_floor';
const HOST = '127.0.0.1';

export interface FloorStack {
  zeroURL: string;
  /** Makes these users members of `org` (for the floor-join variant). */
  addMembers(org: string, userIDs: string[]): Promise<void>;
  stop(): Promise<void>;
}

/** The signed-in user: the floor's clients pass their userID as the auth token. */
function userOf(c: Context): string | null {
  const m = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '');
  return m?.[1] ?? null;
}

/**
 * Raw Zero beside the product, in the same embedded Postgres: its own
 * database, publication, app ID, replica, ports and zero-cache, launched by
 * the product's own launcher (same binary, NODE_ENV, sync workers and the
 * test stack's settings), plus a tiny query/mutate server.
 */
export async function startFloorStack(adminUrl: string, zeroEnv: Record<string, string>): Promise<FloorStack> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${FLOOR_DB} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${FLOOR_DB}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${FLOOR_DB}`;
  const sql = postgres(url.href, { max: 10, onnotice: () => {} });
  await sql.unsafe(`
    CREATE TABLE item (id text PRIMARY KEY, org text NOT NULL, value double precision NOT NULL);
    CREATE INDEX item_org ON item (org);
    CREATE TABLE member (id text PRIMARY KEY, org text NOT NULL, user_id text NOT NULL);
    CREATE INDEX member_org_user ON member (org, user_id);
    CREATE PUBLICATION ${FLOOR_APP_ID}_pub FOR TABLE item, member;
  `);

  const apiKey = randomBytes(24).toString('base64url');
  const dbProvider = zeroPostgresJS(floorSchema, sql);
  const app = new Hono();
  /** The floor's only auth: the shared key from zero-cache and a user id. */
  const contextOf = (c: Context): FloorContext | undefined => {
    const userID = userOf(c);
    return c.req.header('x-api-key') === apiKey && userID ? { userID } : undefined;
  };
  app.post('/api/zero/query', async (c) => {
    const ctx = contextOf(c);
    if (!ctx) return c.json({ error: 'unauthenticated' }, 401);
    const handler = (name: string, args: ReadonlyJSONValue | undefined) => mustGetQuery(floorQueries, name).fn({ args, ctx });
    return c.json(
      await handleQueryRequest({ schema: floorSchema, request: c.req.raw, userID: ctx.userID, logLevel: 'error', handler }),
    );
  });
  app.post('/api/zero/mutate', async (c) => {
    const ctx = contextOf(c);
    if (!ctx) return c.json({ error: 'unauthenticated' }, 401);
    return c.json(
      await handleMutateRequest({
        dbProvider,
        request: c.req.raw,
        userID: ctx.userID,
        logLevel: 'error',
        handler: (transact) => transact((tx, name, args) => mustGetMutator(floorMutators, name).fn({ tx, args, ctx })),
      }),
    );
  });
  const apiPort = await freePort();
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: apiPort, hostname: HOST }, () => resolve(s as Server));
    (s as Server).once('error', reject);
  });

  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-floor-'));
  const port = await freePortPair([apiPort]);
  const zc = await startZeroCache({
    upstreamUrl: url.href,
    port,
    dataDir,
    apiBase: `http://${urlHost(HOST)}:${apiPort}`,
    apiKey,
    adminPassword: randomBytes(24).toString('base64url'),
    bindHost: HOST,
    marker: `zero-cache:${dataDir}`,
    extraEnv: { ...zeroEnv, ZERO_APP_ID: FLOOR_APP_ID, ZERO_APP_PUBLICATIONS: `${FLOOR_APP_ID}_pub` },
  });

  return {
    zeroURL: `http://${urlHost(HOST)}:${port}`,
    async addMembers(org, userIDs) {
      if (!userIDs.length) return;
      await sql`INSERT INTO member ${sql(userIDs.map((u) => ({ id: `${org}:${u}`, org, user_id: u })))} ON CONFLICT DO NOTHING`;
    },
    async stop() {
      await zc.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
      await sql.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
