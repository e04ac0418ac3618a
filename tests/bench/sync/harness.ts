import { type ChildProcess, fork } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { now } from './reader-types.ts';
import type { FromWorker, ReaderSpec, ToWorker } from './reader-worker.ts';

const WORKER = new URL('./reader-worker.ts', import.meta.url);

export interface Writer {
  /** Starts the write; resolves once the writer's client hears the server committed it. */
  write(value: number): Promise<unknown>;
}

/** Per sample: until every reader shows the value, and until the writer heard the commit. */
export interface Samples {
  latencies: number[];
  confirms: number[];
}

export interface RunOptions {
  /** One spec per worker process (each lists its own clients). */
  specs: ReaderSpec[];
  writer: Writer;
  samples: number;
  warmup: number;
  /** Values are base + sample index, so every sample's value is new. */
  base: number;
  gapMs: number;
  timeoutMs?: number;
}

interface WorkerHandle {
  child: ChildProcess;
  send(m: ToWorker): void;
  next(pred: (m: FromWorker) => boolean, timeoutMs: number, what: string): Promise<FromWorker>;
}

function startWorker(): WorkerHandle {
  const child = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiters = new Set<(m: FromWorker) => boolean>();
  child.on('message', (m: FromWorker) => {
    if (m.type === 'failed') console.error(`reader worker ${child.pid} failed: ${m.message}`);
    for (const w of [...waiters]) if (w(m)) waiters.delete(w);
  });
  child.once('exit', (code) => {
    for (const w of [...waiters]) w({ type: 'failed', message: `reader worker ${child.pid} exited (${code})` });
    waiters.clear();
  });
  return {
    child,
    send: (m) => child.send(m),
    next(pred, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`reader worker ${child.pid}: no ${what} within ${timeoutMs} ms`));
        }, timeoutMs);
        const w = (m: FromWorker) => {
          if (m.type === 'failed') {
            clearTimeout(timer);
            reject(new Error(m.message));
            return true;
          }
          if (!pred(m)) return false;
          clearTimeout(timer);
          resolve(m);
          return true;
        };
        waiters.add(w);
      });
    },
  };
}

/** Splits `items` into at most `parts` near-equal, non-empty slices. */
export function spread<T>(items: T[], parts: number): T[][] {
  const n = Math.max(1, Math.min(parts, items.length));
  return Array.from({ length: n }, (_, i) => items.filter((_, j) => j % n === i));
}

/**
 * The method both targets share: readers in worker processes, the writer
 * here. A sample is the time from the writer's call until the last reader
 * (on the shared clock) shows the value written; beside it, the time until
 * the writer's own client heard the server commit it (the write's share).
 */
export async function measure(opts: RunOptions): Promise<Samples> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const workers = opts.specs.map(() => startWorker());
  try {
    await Promise.all(
      workers.map((w, i) => {
        const ready = w.next((m) => m.type === 'ready', 120_000, 'ready');
        w.send({ type: 'open', spec: opts.specs[i] as ReaderSpec });
        return ready;
      }),
    );
    const latencies: number[] = [];
    const confirms: number[] = [];
    for (let i = 0; i < opts.samples + opts.warmup; i++) {
      const value = opts.base + i;
      const seen = workers.map((w) => {
        const p = w.next((m) => m.type === 'seen' && m.value === value, timeoutMs, `value ${value}`);
        w.send({ type: 'expect', value });
        return p;
      });
      const t0 = now();
      const confirmed = opts.writer.write(value).then(() => now() - t0);
      const at = Math.max(...(await Promise.all(seen)).map((m) => (m.type === 'seen' ? m.at : Number.NaN)));
      const confirm = await confirmed;
      if (i >= opts.warmup) {
        latencies.push(at - t0);
        confirms.push(confirm);
      }
      await sleep(opts.gapMs);
    }
    return { latencies, confirms };
  } finally {
    await Promise.all(
      workers.map(async (w) => {
        if (w.child.exitCode !== null) return;
        const exited = new Promise((r) => w.child.once('exit', r));
        w.send({ type: 'close' });
        await Promise.race([exited, sleep(10_000)]);
        if (w.child.exitCode === null) w.child.kill('SIGKILL');
      }),
    );
  }
}
