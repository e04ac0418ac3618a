import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { z } from 'zod';
import type { JobName } from '../../server/jobs/payloads.ts';
import { createJobQueue, type JobQueue } from '../../server/jobs/queue.ts';
import { JOB_DEADLINE_MS } from '../helpers/deadlines.ts';

// A job type of the test's own, on the real queue in the stack's Postgres.
// Job names are typed by the packs' JobPayloads; a test name is cast in.
const name = `test-echo-${randomUUID().slice(0, 8)}` as JobName;
const admin = postgres(inject('stack').databaseUrl, { max: 1, onnotice: () => {} });
const queues: JobQueue[] = [];
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop()));
  await admin.end({ timeout: 2 });
});

const stateOf = async (marker: string) =>
  (await admin<{ state: string }[]>`SELECT state FROM pgboss.job WHERE name = ${name} AND data->>'marker' = ${marker}`)[0]
    ?.state ?? null;

describe('the one job queue', () => {
  const handled: string[] = [];
  const logged: string[] = [];
  const queue = createJobQueue({ databaseUrl: inject('stack').databaseUrl, log: (l) => logged.push(l) });
  queues.push(queue);
  queue.registerJob(
    name,
    async (data) => {
      const { marker } = data as unknown as { marker: string };
      handled.push(marker);
      if (marker.startsWith('lost-')) throw Object.assign(new Error('no longer allowed'), { code: '42501' });
      if (marker.startsWith('flaky-') && handled.filter((m) => m === marker).length < 2) throw new Error('try again');
    },
    {
      schema: z.object({ marker: z.string() }) as never,
      retryDelaySeconds: 1,
      permanent: (err) => ((err as { code?: string }).code === '42501' ? 'lost access' : null),
    },
  );
  const send = (data: unknown) => queue.send([{ job: name, data } as never]);

  test('runs a registered job once its worker starts, and retries one that failed', async () => {
    await queue.start();
    await queue.startWorkers();
    send({ marker: 'plain' });
    send({ marker: 'flaky-1' });
    await expect.poll(() => stateOf('plain'), { timeout: JOB_DEADLINE_MS }).toBe('completed');
    await expect.poll(() => stateOf('flaky-1'), { timeout: JOB_DEADLINE_MS }).toBe('completed');
    expect(handled.filter((m) => m === 'flaky-1')).toHaveLength(2);
  });

  test('drops malformed data and errors retrying cannot help, with a log line each', async () => {
    send({ wrong: true });
    send({ marker: 'lost-1' });
    await expect.poll(() => stateOf('lost-1'), { timeout: JOB_DEADLINE_MS }).toBe('completed');
    expect(handled.filter((m) => m === 'lost-1')).toHaveLength(1);
    await expect.poll(() => logged.some((l) => l.includes('malformed')), { timeout: JOB_DEADLINE_MS }).toBe(true);
    expect(logged.some((l) => l.includes('lost access'))).toBe(true);
  });

  test('a job type must be registered before the queue starts, and only once', () => {
    expect(() => queue.registerJob(name, async () => {}, { schema: z.never() as never })).toThrow(/before the queue starts/);
    const fresh = createJobQueue({ databaseUrl: inject('stack').databaseUrl, log: () => {} });
    fresh.registerJob(name, async () => {}, { schema: z.never() as never });
    expect(() => fresh.registerJob(name, async () => {}, { schema: z.never() as never })).toThrow(/twice/);
  });
});
