import { randomUUID } from 'node:crypto';
import type { MutatorResultDetails } from '@rocicorp/zero';
import { mutators } from '../../sync/mutators.ts';
import type { TestZero } from './zero-client.ts';

export interface StormWrite {
  id: string;
  client: number;
  /** The server's answer, once it has answered. */
  server?: MutatorResultDetails;
  /** An answer the client gave while the write was still queued (must never happen). */
  reportedFailedEarly?: string;
}

export interface WriteStorm {
  writes: StormWrite[];
  /** Stops issuing writes and waits until the server has answered every one. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Each client adds data points to `kpiID` one after another, `paceMs` apart,
 * until stopped: a steady stream of writes to keep going while parts of the
 * stack are killed. Every write has a unique id, so the database can be
 * checked for losses and duplicates afterwards.
 */
export function startWriteStorm(clients: TestZero[], kpiID: string, paceMs = 150): WriteStorm {
  const writes: StormWrite[] = [];
  const answers: Promise<unknown>[] = [];
  let running = true;
  const loops = clients.map(async (zero, client) => {
    while (running) {
      const write: StormWrite = { id: randomUUID(), client };
      writes.push(write);
      const result = zero.mutate(mutators.dataPoint.add({ id: write.id, kpiID, value: writes.length }));
      answers.push(
        result.server.then((server) => {
          write.server = server;
        }),
      );
      const local = await result.client;
      if (local.type === 'error') write.reportedFailedEarly = local.error.message;
      await new Promise((resolve) => setTimeout(resolve, paceMs));
    }
  });
  return {
    writes,
    async stop(timeoutMs = 60_000) {
      running = false;
      await Promise.all(loops);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((_, reject) => {
        timer = setTimeout(() => {
          const open = writes.filter((w) => !w.server).length;
          reject(new Error(`${open} of ${writes.length} writes had no answer from the server after ${timeoutMs} ms`));
        }, timeoutMs);
      });
      try {
        await Promise.race([Promise.all(answers), deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
