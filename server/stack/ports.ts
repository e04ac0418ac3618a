import net from 'node:net';

function tryListen(port: number, host: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(null)));
  });
}

/** Fails with a message naming the variable to change when a port is taken. */
export async function assertPortsFree(ports: { port: number; what: string; envVar: string }[]): Promise<void> {
  const busy: string[] = [];
  for (const p of ports) {
    for (const host of ['127.0.0.1', '::']) {
      const err = await tryListen(p.port, host);
      if (err && err.code !== 'EAFNOSUPPORT' && err.code !== 'EADDRNOTAVAIL') {
        busy.push(`  port ${p.port} (${p.what}) is in use; set ${p.envVar} to another port or stop what is using it`);
        break;
      }
    }
  }
  if (busy.length) throw new Error(`Cannot start:\n${busy.join('\n')}`);
}

/** Asks the OS for a free TCP port (tests and benchmarks). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A free port whose next one is free too, not in `avoid`: zero-cache takes
 * ZERO_PORT and ZERO_PORT + 1 (its change streamer). A port free when asked
 * can still be taken before it is used; this only makes that rarer.
 */
export async function freePortPair(avoid: number[] = []): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (avoid.includes(port) || avoid.includes(port + 1)) continue;
    if ((await tryListen(port + 1, '127.0.0.1')) === null) return port;
  }
}

/**
 * The host part of a URL that reaches a server bound to `host` from this
 * machine: a wildcard is reached on loopback; an IPv6 literal gets brackets.
 */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
