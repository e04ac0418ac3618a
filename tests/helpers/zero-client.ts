import { randomUUID } from 'node:crypto';
import { Zero } from '@rocicorp/zero';
import { afterAll, expect } from 'vitest';
import WS from 'ws';
import { DISCONNECT_TIMEOUT_MS } from '../../sync/connection.ts';
import type { ZeroContext } from '../../sync/context.ts';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import { reconnectAfterErrors } from '../../sync/reconnect.ts';
import { type Kpi, schema } from '../../sync/schema.ts';
import { watchedWebSocket } from '../../sync/stall-watchdog.ts';
import { SYNC_DEADLINE_MS } from './deadlines.ts';
import { baseUrl, type Person } from './people.ts';
import { createKpi } from './rest.ts';
import { stackInfo } from './stack-info.ts';

// Node has no browser cookie jar: a WebSocket subclass adds the session
// cookie of the user named in the connect URL (Zero puts userID there).
const cookiesByUser = new Map<string, string>();

class CookieWebSocket extends WS {
  constructor(url: string | URL, protocols?: string | string[]) {
    const userID = new URL(String(url)).searchParams.get('userID') ?? '';
    super(url, protocols, { headers: { cookie: cookiesByUser.get(userID) ?? '', origin: baseUrl() } });
    // A refused connection (zero-cache restarting) must not crash the test process.
    this.on('error', () => {});
  }
}
// Watched as the web app's sockets are (sync/stall-watchdog.ts); a stall is printed, so a test that met one says so.
(globalThis as { WebSocket: unknown }).WebSocket = watchedWebSocket(CookieWebSocket as never, {
  onStall: ({ url, waitedMs }) =>
    console.warn(
      `zero client ${new URL(url).searchParams.get('clientID')}: no answer from sync for ${waitedMs} ms, reconnecting`,
    ),
});

export type TestZero = Zero;

/** A real Zero client in Node, signed in as `person`, working in `orgID`. */
export function openZero(person: Person, orgID: string | null, opts: { mutators?: unknown; storageKey?: string } = {}): TestZero {
  cookiesByUser.set(person.userID, person.cookie);
  const zero = new Zero({
    cacheURL: stackInfo().zeroURL,
    schema,
    mutators: (opts.mutators ?? mutators) as typeof mutators,
    userID: person.userID,
    context: { userID: person.userID, orgID },
    mutateHeaders: orgID ? { 'x-organization-id': orgID } : {},
    // One client group per person and organization, as the web app does.
    // Clients in one group replay each other's pending mutations, so a client
    // with a different mutator registry must not share a group.
    storageKey: opts.storageKey ?? orgID ?? '',
    kvStore: 'mem',
    // Queues writes through an outage as long as the web app does.
    disconnectTimeoutMs: DISCONNECT_TIMEOUT_MS,
    logLevel: 'error',
    // Tests provoke refusals on purpose; Zero logs each one as an error. Keep
    // them out of the report unless ZERO_TEST_LOGS is set.
    ...(process.env.ZERO_TEST_LOGS ? {} : { logSink: { log: () => {} } }),
    onUpdateNeeded: () => {},
  });
  // As the web app does: leave the error state by itself (see sync/reconnect.ts).
  reconnectAfterErrors(zero);
  return zero;
}

/**
 * A wall screen's Zero client: no session, only a dashboard's share link
 * token (sent as `Authorization: Bearer`), as the web app's /tv page opens it.
 */
export function openShareZero(token: string, shareID: string, workingIn: string | null = null): TestZero {
  const userID = `share:${shareID}`;
  cookiesByUser.set(userID, '');
  // `workingIn`: a rogue screen claiming an organization, so its writes get pushed (and refused).
  const context: ZeroContext = { userID, orgID: workingIn, share: { id: shareID } };
  const zero = new Zero({
    cacheURL: stackInfo().zeroURL,
    schema,
    // The registry, for the client's type; a link is read-only and the server refuses any write from it.
    mutators,
    userID,
    auth: token,
    context,
    mutateHeaders: workingIn ? { 'x-organization-id': workingIn } : {},
    storageKey: `share:${shareID}:${workingIn ?? ''}`,
    kvStore: 'mem',
    logLevel: 'error',
    ...(process.env.ZERO_TEST_LOGS ? {} : { logSink: { log: () => {} } }),
    onUpdateNeeded: () => {},
  });
  reconnectAfterErrors(zero);
  return zero;
}

/**
 * Zero clients for the tests of the calling file or describe block: opens
 * each as openZero does and closes every one it opened after those tests.
 * Call it while the tests are collected (at the top of the file or in a
 * describe callback), not in a test or hook.
 */
export function useZeroClients(): typeof openZero {
  const clients: TestZero[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((zero) => zero.close()));
  });
  return (person, orgID, opts) => {
    const zero = openZero(person, orgID, opts);
    clients.push(zero);
    return zero;
  };
}

type KpiCreateArgs = Parameters<typeof mutators.kpi.create>[0];

/**
 * Creates a KPI through `zero` (the kpi.create mutator) and expects the
 * server to commit it. Returns its id: `fields.id`, or a new one.
 */
export async function createKpiThroughZero(zero: TestZero, fields: Omit<KpiCreateArgs, 'id'> & { id?: string }): Promise<string> {
  const id = fields.id ?? randomUUID();
  const result = await zero.mutate(mutators.kpi.create({ ...fields, id })).server;
  expect(result.type, JSON.stringify(result)).toBe('success');
  return id;
}

export interface Watched<T> {
  current(): T;
  /** Every value the view has delivered, oldest first. */
  history(): T[];
  resultType(): string;
  /** Resolves with the first value that satisfies `pred` (rejects after `timeoutMs`, by default SYNC_DEADLINE_MS). */
  until(pred: (value: T) => boolean, timeoutMs?: number): Promise<T>;
  destroy(): void;
}

/** Materializes a query and lets a test wait for a condition on its rows. */
// The query type is left open: Zero's request types are invariant in their
// arguments, and tests pass requests of every shape (including rogue ones).
export function watch<T>(zero: TestZero, query: unknown): Watched<T> {
  const view = zero.materialize(query as Parameters<TestZero['materialize']>[0]);
  let value = undefined as T;
  let type = 'unknown';
  const seen: T[] = [];
  const waiters = new Set<() => void>();
  view.addListener((data, resultType) => {
    value = structuredClone(data) as T;
    seen.push(value);
    type = resultType;
    for (const w of waiters) w();
  });
  return {
    current: () => value,
    history: () => seen,
    resultType: () => type,
    until(pred, timeoutMs = SYNC_DEADLINE_MS) {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          if (type === 'complete' && pred(value)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(value);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`condition not met within ${timeoutMs} ms; last (${type}): ${JSON.stringify(value)?.slice(0, 500)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    destroy: () => view.destroy(),
  };
}

/**
 * Waits until `zero` has synced past everything committed so far, so a test
 * can check that something did not arrive without sleeping first. It writes a
 * marker KPI through the REST API as `person` in `orgID` (an organization
 * the client may read) and waits for it to arrive: zero-cache moves all of a
 * client's queries to one new version at a time, in commit order, so once
 * the marker is there, a row committed before it is in every view that may
 * hold it, or in none.
 */
export async function syncedPastNow(zero: TestZero, person: Person, orgID: string): Promise<void> {
  const marker = await createKpi({ person, org: orgID }, { title: 'Sync marker', targetValue: 1, unit: '' });
  const view = watch<Kpi[]>(zero, queries.kpis.list({ orgID }));
  try {
    await view.until((rows) => rows.some((k) => k.id === marker.id));
  } finally {
    view.destroy();
  }
}

/** What the server said when it refused a write: its message, its error code and the fields its issues name ("reason", "defects.d1"). */
export async function refusalOf(zero: TestZero, write: Parameters<TestZero['mutate']>[0]) {
  const result = await zero.mutate(write).server;
  if (result.type !== 'error') throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  const details = (result.error.type === 'app' ? result.error.details : undefined) as
    | { code: string; issues: { loc: (string | number)[] }[] }
    | undefined;
  return { message: result.error.message, code: details?.code, fields: details?.issues.map((i) => i.loc.join('.')) };
}
