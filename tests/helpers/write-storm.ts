import { randomUUID } from 'node:crypto';
import type { MutatorResultDetails } from '@rocicorp/zero';
import { mutators } from '../../sync/mutators.ts';
import { acceptsWrites, readyForWrites } from '../../sync/reconnect.ts';
import type { TestZero } from './zero-client.ts';

export interface StormWrite {
  id: string;
  client: number;
  /**
   * How the write settled: `success` (the server committed it), `refused`
   * (the server's mutator refused it: an app error, shown to the person as
   * failed), or `unconfirmed` (a "zero" error: Zero could not get an answer,
   * e.g. while Postgres restarted; the write stays queued and is pushed
   * again, so the web app shows it as waiting, never as failed).
   */
  outcome?: 'success' | 'refused' | 'unconfirmed';
  server?: MutatorResultDetails;
  /** Zero refused the write outright: never applied nor queued (the app says "not saved"). */
  rejectedByClient?: string;
}

function outcomeOf(result: MutatorResultDetails): StormWrite['outcome'] {
  if (result.type === 'success') return 'success';
  return result.error.type === 'app' ? 'refused' : 'unconfirmed';
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
      // As the web app's mutate() does.
      await readyForWrites(zero);
      if (!acceptsWrites(zero)) write.rejectedByClient = `refused in state ${zero.connection.state.current.name}`;
      const result = zero.mutate(mutators.dataPoint.add({ id: write.id, kpiID, value: writes.length }));
      answers.push(
        result.server.then((server) => {
          write.server = server;
          write.outcome = outcomeOf(server);
        }),
      );
      const local = await result.client;
      if (local.type === 'error' && local.error.type === 'app') write.rejectedByClient = local.error.message;
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
          const open = writes.filter((w) => !w.server);
          // Which clients are stuck, and in what connection state, says where to look.
          const perClient = clients.map((zero, i) => {
            const mine = open.filter((w) => w.client === i);
            return `client ${i}: ${mine.length} open, connection ${zero.connection.state.current.name}`;
          });
          reject(
            new Error(
              `${open.length} of ${writes.length} writes had no answer from the server after ${timeoutMs} ms (${perClient.join('; ')})`,
            ),
          );
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
