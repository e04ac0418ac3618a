import net from 'node:net';

/**
 * Preloaded (`node --import`) into zero-cache and, through the inherited
 * execArgv, into every worker it forks. zero-cache 1.9 listens on "::" (all
 * interfaces) with no setting to change it; this narrows each listen to the
 * address the stack binds:
 *  - ports in ZKPI_LOOPBACK_PORTS (the change-streamer) go to 127.0.0.1,
 *    whatever HOST is: it serves every organization's rows, unauthenticated;
 *  - any other wildcard listen goes to ZKPI_BIND_HOST (the server's HOST).
 * An explicit non-wildcard host is left alone.
 */
const bindHost = process.env.ZKPI_BIND_HOST;
const loopbackPorts = new Set(
  (process.env.ZKPI_LOOPBACK_PORTS ?? '')
    .split(',')
    .map((p) => Number(p.trim()))
    .filter((p) => Number.isInteger(p) && p > 0),
);
const WILDCARDS = new Set([undefined, null, '', '::', '0.0.0.0', '::0']);

function narrowedHost(port: unknown, host: unknown): unknown {
  if (!WILDCARDS.has(host as string | undefined)) return host;
  if (loopbackPorts.has(Number(port))) return '127.0.0.1';
  return bindHost ?? host;
}

if (bindHost) {
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function narrowedListen(this: net.Server, ...args: unknown[]) {
    const [first] = args;
    if (first && typeof first === 'object' && !Array.isArray(first) && 'port' in first) {
      const options = first as net.ListenOptions;
      args[0] = { ...options, host: narrowedHost(options.port, options.host) };
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      // listen(port[, host][, backlog][, callback])
      const hostGiven = typeof args[1] === 'string';
      const host = narrowedHost(first, hostGiven ? args[1] : undefined);
      if (hostGiven) args[1] = host;
      else if (host !== undefined) args.splice(1, 0, host);
    }
    return listen.apply(this, args as Parameters<typeof listen>);
  } as typeof listen;
}
