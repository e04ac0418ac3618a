import type { MutatorResultDetails, Zero } from '@rocicorp/zero';
import { batch, createSignal } from 'solid-js';
import type { FieldIssue } from '../../../shared/errors.ts';
import { acceptsWrites, readyForWrites } from '../../../sync/reconnect.ts';
import { showToast } from '../../components/toast.tsx';

/** What a form learns about a write it asked for. */
export type WriteOutcome =
  | { status: 'saved' }
  /** Applied on this device; the server has not confirmed it yet (flaky link). */
  | { status: 'waiting' }
  | { status: 'rejected'; message: string; code: string | undefined; issues: FieldIssue[] };

export type MutateRequest = Parameters<Zero['mutate']>[0];

/** How long a form waits for the server before treating the write as queued. */
const CONFIRM_WAIT_MS = 4_000;

const [pending, setPending] = createSignal(0);
/** Writes whose server answer was lost to a disconnect: told "saved" when the link is back (they go out then). */
const confirmOnReconnect = new Set<() => void>();
const [unconfirmed, setUnconfirmed] = createSignal(0);

/** Writes not yet confirmed by the server (shown in the connection badge). */
export const waitingCount = () => pending() + unconfirmed();

let active: { zero: Zero; generation: number } | undefined;
let generation = 0;

/**
 * Called by the Zero provider for each instance it builds. Counters restart
 * with the instance (an organization switch builds a new one); returns the
 * detach function for the provider's cleanup.
 */
export function attachZero(zero: Zero): () => void {
  generation += 1;
  active = { zero, generation };
  setPending(0);
  setUnconfirmed(0);
  // Writes queued across a disconnect are pushed as soon as the socket is
  // back; Zero gives no per-write signal for them, so reconnecting clears them.
  const unsubscribe = zero.connection.state.subscribe((state) => {
    if (state.name !== 'connected') return;
    setUnconfirmed(0);
    for (const confirm of confirmOnReconnect) confirm();
    confirmOnReconnect.clear();
  });
  return () => {
    unsubscribe();
    if (active?.zero === zero) active = undefined;
  };
}

function issuesOf(details: unknown): { code: string | undefined; issues: FieldIssue[] } {
  if (!details || typeof details !== 'object') return { code: undefined, issues: [] };
  const d = details as { code?: unknown; issues?: unknown };
  const issues = Array.isArray(d.issues)
    ? (d.issues as unknown[]).filter(
        (i): i is FieldIssue =>
          !!i && typeof i === 'object' && Array.isArray((i as FieldIssue).loc) && typeof (i as FieldIssue).msg === 'string',
      )
    : [];
  return { code: typeof d.code === 'string' ? d.code : undefined, issues };
}

function rejected(message: string, details?: unknown): WriteOutcome {
  showToast({ title: 'Change not saved', description: message, tone: 'error' });
  return { status: 'rejected', message, ...issuesOf(details) };
}

/** `mine` is the Zero instance the write was made on: an old one's writes don't count on the new one's badge. */
function waiting(mine: number): WriteOutcome {
  if (mine === generation) setUnconfirmed((n) => n + 1);
  showToast({
    title: 'Waiting to sync',
    description: 'Your change is kept on this device and will be sent when the connection is back.',
    tone: 'info',
  });
  return { status: 'waiting' };
}

function settle(res: MutatorResultDetails, appliedLocally: boolean, mine: number): WriteOutcome {
  if (res.type === 'success') return { status: 'saved' };
  if (res.error.type === 'app') return rejected(res.error.message, res.error.details);
  // A "zero" error: the client could not reach the server ("unable to
  // connect"). A write applied locally is still queued and goes out on
  // reconnect, so it is waiting, not failed.
  if (appliedLocally) return waiting(mine);
  return rejected(`You are offline, so this change was not saved. ${res.error.message}`);
}

/**
 * Every write from the UI goes through here: runs the mutator (optimistic on
 * this device), counts it as waiting until the server answers, and turns a
 * server refusal into a toast plus field issues. Zero itself rolls back the
 * optimistic change when the server refuses.
 *
 * Resolves with the server's answer, or with "waiting" when the link is not
 * up (or slow), so forms never hang on a flaky connection. A big write (an
 * import) may ask to wait longer for the answer while connected.
 */
export interface MutateOptions {
  confirmWaitMs?: number;
  /**
   * Told the write's last word: "saved" once the server confirms it (or, for
   * a write whose answer was lost to a disconnect, once the link is back and
   * it has gone out), or the refusal. A list that shows each write as "not
   * yet saved" until then listens here.
   */
  onSettled?: (outcome: WriteOutcome) => void;
}

export async function mutate(request: MutateRequest, options: MutateOptions = {}): Promise<WriteOutcome> {
  const current = active;
  if (!current) return rejected('Not connected to an organization yet. Try again in a moment.');
  const mine = current.generation;
  await readyForWrites(current.zero);
  // Zero took the write into its queue; a later "zero" error (a failed push
  // while the server restarts) leaves it there, to be sent on reconnect.
  const queued = acceptsWrites(current.zero);
  let result: ReturnType<Zero['mutate']>;
  try {
    result = current.zero.mutate(request);
  } catch (err) {
    return rejected(err instanceof Error ? err.message : 'The change could not be applied.');
  }
  setPending((n) => n + 1);
  let counted = true;
  const uncount = () => {
    if (!counted) return;
    counted = false;
    if (mine === generation) setPending((n) => Math.max(0, n - 1));
  };

  const answer = (async (): Promise<WriteOutcome> => {
    try {
      const client = await result.client;
      if (client.type === 'error') {
        uncount();
        return settle(client, queued, mine);
      }
      const server = await result.server;
      // One update: a write moving from pending to unconfirmed never leaves the badge.
      return batch(() => {
        uncount();
        return settle(server, true, mine);
      });
    } catch (err) {
      uncount();
      return rejected(err instanceof Error ? err.message : 'The change could not be saved.');
    }
  })();
  const final = answer.then((outcome) => {
    const told = options.onSettled;
    if (told && outcome.status === 'waiting' && queued) confirmOnReconnect.add(() => told({ status: 'saved' }));
    else told?.(outcome);
    return outcome;
  });

  return (async () => {
    const client = await result.client.catch(() => null);
    if (!client || client.type === 'error') return final;
    if (current.zero.connection.state.current.name !== 'connected') return { status: 'waiting' } as const;
    const wait = options.confirmWaitMs ?? CONFIRM_WAIT_MS;
    const timer = new Promise<WriteOutcome>((resolve) => setTimeout(() => resolve({ status: 'waiting' }), wait));
    return Promise.race([final, timer]);
  })();
}
