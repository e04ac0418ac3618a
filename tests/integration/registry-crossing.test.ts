import { mustGetQuery } from '@rocicorp/zero';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDbProvider } from '../../server/zero/db-provider.ts';
import type { ZeroContext } from '../../sync/context.ts';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import { JOB_DEADLINE_MS } from '../helpers/deadlines.ts';
import type { Person } from '../helpers/people.ts';
import { stackInfo } from '../helpers/stack-info.ts';
import { openShareZero, openZero, syncedPastNow, type TestZero, type Watched, watch } from '../helpers/zero-client.ts';
import type { Args, MutatorFactory } from './crossing/cases.ts';
import { FACTORY_HOME, mutatorFactories, queryFactories } from './crossing/factories.ts';
import { changedRows, jobsSettled, orgSnapshot, ownedBy } from './crossing/org-snapshot.ts';
import { registeredMutators, registeredQueries } from './crossing/registry.ts';
import { buildWorld, type World } from './crossing/world.ts';

/**
 * Every registered synced query and mutator, tried across the tenant
 * boundary: an intruder (member of B only) working as A, and working in B
 * with A's ids; A's viewer for every write. The entries come from the
 * registries and each has an argument factory, so a pack is covered the day
 * it registers its queries and mutators.
 */

const queryNames = [...registeredQueries.keys()];
const mutatorNames = [...registeredMutators.keys()];
const missing = (kind: string, name: string) =>
  `The ${kind} "${name}" is registered but has no crossing factory: add one to ${FACTORY_HOME}`;

test('every registered query and mutator has a crossing factory, and every factory a registered entry', () => {
  const problems = [
    ...queryNames.filter((n) => !queryFactories[n]).map((n) => missing('query', n)),
    ...mutatorNames.filter((n) => !mutatorFactories[n]).map((n) => missing('mutator', n)),
    ...Object.keys(queryFactories)
      .filter((n) => !registeredQueries.has(n))
      .map((n) => `The crossing factory for query "${n}" names no registered query: remove or rename it`),
    ...Object.keys(mutatorFactories)
      .filter((n) => !registeredMutators.has(n))
      .map((n) => `The crossing factory for mutator "${n}" names no registered mutator: remove or rename it`),
  ];
  expect(problems).toEqual([]);
  expect(queryNames.length).toBeGreaterThan(0);
  expect(mutatorNames.length).toBeGreaterThan(0);
});

describe('the registries across the tenant boundary', () => {
  let w: World;
  let sql: postgres.Sql;
  let ownerZero: TestZero;
  const clients: TestZero[] = [];
  const open = (p: Person, org: string) => {
    const z = openZero(p, org);
    clients.push(z);
    return z;
  };
  /** The intruder with A as the working organization (context and header), and in their own B. */
  let asA: TestZero;
  let asB: TestZero;
  let viewerZero: TestZero;
  /** A wall screen holding A's share link: the positive control of the queries only a link reads. */
  let shareZero: TestZero;

  beforeAll(async () => {
    sql = postgres(stackInfo().databaseUrl, { max: 2, onnotice: () => {} });
    ({ world: w, ownerZero, intruderZero: asB } = await buildWorld());
    clients.push(ownerZero, asB);
    asA = open(w.intruder, w.orgA);
    viewerZero = open(w.viewer, w.orgA);
    shareZero = openShareZero(w.shareToken, w.shareID);
    clients.push(shareZero);
  });
  afterAll(async () => {
    await Promise.all(clients.map((z) => z.close()));
    await sql?.end({ timeout: 2 });
  });

  const leaks = (value: unknown) => {
    const text = JSON.stringify(value) ?? '';
    return w.secrets().filter((s) => text.includes(s));
  };
  const isEmpty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);

  describe('synced queries: the intruder receives nothing of A; the owner, with the same arguments, does', () => {
    const views = new Map<
      string,
      { asA: Watched<unknown>; asB: Watched<unknown>; ownIDs: Watched<unknown>; owner: Watched<unknown> }
    >();
    /** The same arguments with B, the intruder's own organization, in place of A: A's row ids from inside B. */
    const inB = (args: Args): Args => (args === undefined ? args : JSON.parse(JSON.stringify(args).replaceAll(w.orgA, w.orgB)));

    beforeAll(async () => {
      for (const name of queryNames) {
        const factory = queryFactories[name];
        const entry = registeredQueries.get(name);
        if (!factory || !entry) continue;
        const request = () => entry(factory.args(w));
        views.set(name, {
          asA: watch(asA, request()),
          asB: watch(asB, request()),
          ownIDs: watch(asB, entry(inB(factory.args(w)))),
          owner: watch(factory.readByShareLink ? shareZero : ownerZero, request()),
        });
      }
      // Every attempt answered by the server...
      await Promise.all([...views.values()].flatMap((v) => [v.asA, v.asB, v.ownIDs].map((view) => view.until(() => true))));
      // ...then a change to A while the views are open...
      const touched = await ownerZero.mutate(mutators.kpi.update({ id: w.kpiID, description: 'Changed while watched' })).server;
      expect(touched.type).toBe('success');
      // ...then a sentinel in B, written after both, reaches each intruder client: whatever of A could
      // have reached these views has, so "nothing arrived" is a fact, not a hope.
      await Promise.all([syncedPastNow(asA, w.intruder, w.orgB), syncedPastNow(asB, w.intruder, w.orgB)]);
    });

    test.for(queryNames)('%s', async (name) => {
      const factory = queryFactories[name];
      const v = views.get(name);
      if (!factory || !v) throw new Error(missing('query', name));
      for (const [label, view] of [
        ['working as A', v.asA],
        ['working in B, naming A', v.asB],
      ] as const) {
        const context = `${name}, intruder ${label}`;
        expect(view.resultType(), context).toBe('complete');
        expect(leaks(view.history()), `${context}: ids of A received`).toEqual([]);
        if (factory.intruderSeesOwn) expect(JSON.stringify(view.current()), context).toContain(w.orgB);
        else expect(isEmpty(view.current()), `${context}: got ${JSON.stringify(view.current())}`).toBe(true);
      }
      // Asking within B for A's rows by id: B's own rows may come back, A's never.
      expect(v.ownIDs.resultType(), `${name}, intruder asking B for A's ids`).toBe('complete');
      expect(leaks(v.ownIDs.history()), `${name}, intruder asking B for A's ids: ids of A received`).toEqual([]);
      // Positive control: the arguments do reach A's rows for A's owner (or A's share link, for its queries).
      await v.owner.until((rows) => JSON.stringify(rows ?? null).includes(w.orgA), JOB_DEADLINE_MS);
    });
  });

  describe("synced queries as zero-cache runs them: the server's transform for the intruder, over every row (its replica has no RLS), holds nothing of A", () => {
    // The views above also run each query on the client, whose own copy of
    // the tenant filter would hide rows the server wrongly sent; this asks
    // the server's side alone. The admin pool bypasses RLS, as zero-cache's
    // replica does, and the context is built as /api/zero/query builds it.
    const inB = (args: Args): Args => (args === undefined ? args : JSON.parse(JSON.stringify(args).replaceAll(w.orgA, w.orgB)));
    let provider: ReturnType<typeof createDbProvider>;
    beforeAll(() => {
      provider = createDbProvider(sql);
    });
    const transformed = (person: Person | ZeroContext, name: string, args: Args) => {
      const ctx: ZeroContext = 'cookie' in person ? { userID: person.userID, orgID: null } : person;
      return provider.transaction((tx) =>
        // Any registered query: tx.run cannot be typed for the union of them all.
        tx.run(mustGetQuery(queries, name).fn({ args, ctx }) as never),
      );
    };
    /** A's share link as /api/zero/query makes its context once the token checks out. */
    const shareLink = (): ZeroContext => ({ userID: `share:${w.shareID}`, orgID: null, share: { id: w.shareID } });

    test.for(queryNames)('%s', async (name) => {
      const factory = queryFactories[name];
      if (!factory) throw new Error(missing('query', name));
      const args = factory.args(w);
      const asIntruder = await transformed(w.intruder, name, args);
      expect(leaks(asIntruder), `${name}: ids of A in the intruder's transform`).toEqual([]);
      if (!factory.intruderSeesOwn) expect(isEmpty(asIntruder), `${name}: got ${JSON.stringify(asIntruder)}`).toBe(true);
      expect(leaks(await transformed(w.intruder, name, inB(args))), `${name}: ids of A asking B for A's ids`).toEqual([]);
      // Positive control: the same transform for A's owner (or A's share link) reaches A's rows.
      const reader = factory.readByShareLink ? shareLink() : w.owner;
      expect(JSON.stringify((await transformed(reader, name, args)) ?? null), `${name} for A's owner`).toContain(w.orgA);
    });
  });

  describe('mutators: the intruder and the viewer are refused and A is unchanged; the owner succeeds', () => {
    /** The result's error code ('success' when it succeeded) and message. */
    const outcome = (result: { type: string; error?: unknown }) => {
      if (result.type !== 'error') return { code: result.type, message: '' };
      const error = result.error as { type?: string; message?: string; details?: { code?: string } };
      return { code: error.details?.code ?? `${error.type}: ${error.message}`, message: error.message ?? '' };
    };
    /** The intruder working in an organization that does not exist. */
    let nowhere: TestZero;

    beforeAll(async () => {
      // Jobs caused by earlier writes (insights, goal pace) write to A after the request; wait them out.
      await jobsSettled(sql, w.orgA, JOB_DEADLINE_MS);
      nowhere = open(w.intruder, w.fresh());
    });

    /** Sends one write and returns its outcome and what changed in A meanwhile. */
    async function attempt(zero: TestZero, name: string, args: Args) {
      const entry = registeredMutators.get(name);
      if (!entry) throw new Error(`no mutator ${name}`);
      const before = await orgSnapshot(sql, w.orgA);
      const result = await zero.mutate(entry(args) as Parameters<TestZero['mutate']>[0]).server;
      const changes = changedRows(before, await orgSnapshot(sql, w.orgA));
      return { ...outcome(result), changes };
    }

    interface Attempt {
      who: string;
      zero: TestZero;
      person: Person;
      args: Args;
      expect: string;
      /** A client whose answer must be the same (code and message). */
      sameAs?: TestZero;
    }

    const attemptsOf = (f: MutatorFactory): Attempt[] => {
      const own = f.fromOwnOrg ?? [{ args: f.args, refusal: 'NOT_FOUND' }];
      const fromB = (args: Args, expect: string): Attempt => ({
        who: 'intruder in B naming A’s rows',
        zero: asB,
        person: w.intruder,
        args,
        expect,
      });
      return [
        // Not a member must look the same as no such organization.
        { who: 'intruder working as A', zero: asA, person: w.intruder, args: f.args(w), expect: 'NOT_FOUND', sameAs: nowhere },
        ...(Array.isArray(own) ? own.map((o) => fromB(o.args(w), o.refusal)) : [fromB(f.args(w), 'success')]),
        { who: 'viewer of A', zero: viewerZero, person: w.viewer, args: f.args(w), expect: f.viewer ? 'success' : 'FORBIDDEN' },
      ];
    };

    test.for(mutatorNames)('%s is refused across the boundary', async (name) => {
      const factory = mutatorFactories[name];
      if (!factory) throw new Error(missing('mutator', name));
      for (const a of attemptsOf(factory)) {
        const { code: got, message, changes } = await attempt(a.zero, name, a.args);
        const context = `${name} by the ${a.who} with ${JSON.stringify(a.args)}`;
        expect(got, context).toBe(a.expect);
        if (a.sameAs) {
          const ghost = await attempt(a.sameAs, name, a.args);
          expect({ code: got, message }, `${context}: told apart from an organization that does not exist`).toEqual({
            code: ghost.code,
            message: ghost.message,
          });
        }
        // A refused write changes nothing in A; an allowed one only the writer's own rows.
        const foreign = changes.filter((c) => got !== 'success' || !ownedBy(c, a.person.userID));
        expect(foreign, `${context}: rows of A changed`).toEqual([]);
      }
    });

    test.for(mutatorNames)('%s succeeds for A’s owner with the same arguments (positive control)', async (name) => {
      const factory = mutatorFactories[name];
      if (!factory) throw new Error(missing('mutator', name));
      const args = factory.args(w);
      const { code: got, changes } = await attempt(ownerZero, name, args);
      expect(got, `${name} by A's owner with ${JSON.stringify(args)}`).toBe('success');
      expect(changes.length, `${name} by A's owner changed nothing in A`).toBeGreaterThan(0);
    });
  });
});
