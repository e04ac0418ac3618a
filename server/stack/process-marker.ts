import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * zero-cache forks its workers detached (each in its own process group), so
 * a signal to the group we started misses them, and a main process killed
 * with -9 leaves them running, holding the replica. Every process we start is
 * given an environment marker, inherited by everything it forks; these
 * helpers find and stop the marked processes (Linux: /proc).
 */
export const MARKER_VAR = 'ZKPI_PROCESS_GROUP';

export function markerEnv(marker: string): Record<string, string> {
  return { [MARKER_VAR]: marker };
}

/** PIDs of live processes whose environment carries `marker`. */
export async function findMarked(marker: string): Promise<number[]> {
  const needle = `\0${MARKER_VAR}=${marker}\0`;
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return pids; // not Linux: nothing to find
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = await readFile(`/proc/${entry}/environ`, 'latin1');
      if (`\0${environ}`.includes(needle)) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids.filter((pid) => pid !== process.pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends `signal` to every marked process, waits up to `graceMs` for them to
 * exit, then kills what is left. Resolves once none remains.
 */
export async function stopMarked(marker: string, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<void> {
  let pids = await findMarked(marker);
  if (pids.length === 0) return;
  for (const pid of pids) signalQuietly(pid, signal);
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    pids = pids.filter(alive);
    if (pids.length === 0) return;
    await sleep(50);
  }
  for (const pid of await findMarked(marker)) signalQuietly(pid, 'SIGKILL');
  while ((await findMarked(marker)).some(alive)) await sleep(50);
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
