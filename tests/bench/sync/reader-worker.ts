import type { FloorReaderSpec } from './floor-client.ts';
import type { ProductReaderSpec } from './product-target.ts';
import { now, type ReaderHandle } from './reader-types.ts';

/**
 * A worker process holding some of the reader clients (forked by the
 * harness). Protocol over IPC:
 *   parent: {type:'open', spec}        -> worker: {type:'ready'} once every client shows the watched row
 *   parent: {type:'expect', value}     -> worker: {type:'seen', value, at} once every client has shown `value`
 *                                         (`at` = the last client's receipt time on the shared clock)
 *   parent: {type:'close'}             -> worker: {type:'closed'}, then exits
 */
export type ReaderSpec = ProductReaderSpec | FloorReaderSpec;
export type ToWorker = { type: 'open'; spec: ReaderSpec } | { type: 'expect'; value: number } | { type: 'close' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'seen'; value: number; at: number }
  | { type: 'closed' }
  | { type: 'failed'; message: string };

const send = (m: FromWorker) => process.send?.(m);

async function openAll(spec: ReaderSpec): Promise<ReaderHandle[]> {
  if (spec.kind === 'product') {
    const { openProductReader } = await import('./product-target.ts');
    return spec.people.map((p) => openProductReader(spec, p));
  }
  const { openFloorReader } = await import('./floor-client.ts');
  return spec.userIDs.map((u) => openFloorReader(spec, u));
}

let readers: ReaderHandle[] = [];
/** Per client: when it first showed each value. */
let firstSeen: Map<number, number>[] = [];
const expected = new Set<number>();
let readyPending = true;
/** Per client: its query has completed its first sync and shows the watched row. */
let present: boolean[] = [];

function check(): void {
  if (readyPending && present.every(Boolean)) {
    readyPending = false;
    send({ type: 'ready' });
  }
  for (const value of expected) {
    if (!firstSeen.every((m) => m.has(value))) continue;
    expected.delete(value);
    const at = Math.max(...firstSeen.map((m) => m.get(value) ?? 0));
    for (const m of firstSeen) m.clear();
    send({ type: 'seen', value, at });
  }
}

process.on('message', async (msg: ToWorker) => {
  try {
    if (msg.type === 'open') {
      readers = await openAll(msg.spec);
      firstSeen = readers.map(() => new Map());
      present = readers.map(() => false);
      for (const [i, r] of readers.entries()) {
        r.listen((value, done) => {
          const t = now();
          if (!done) return;
          present[i] = present[i] || value !== undefined;
          const seen = firstSeen[i];
          if (typeof value === 'number' && seen && !seen.has(value)) seen.set(value, t);
          check();
        });
      }
    } else if (msg.type === 'expect') {
      expected.add(msg.value);
      check();
    } else if (msg.type === 'close') {
      await Promise.all(readers.map((r) => r.close()));
      send({ type: 'closed' });
      process.disconnect?.();
      process.exit(0);
    }
  } catch (err) {
    send({ type: 'failed', message: (err as Error).stack ?? String(err) });
  }
});
