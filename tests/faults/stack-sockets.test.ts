import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, test } from 'vitest';
import { type ChildStack, startChildStack } from '../helpers/child-stack.ts';
import { listeningSockets } from '../helpers/listening-sockets.ts';

/** Connects to host:port; resolves true when something accepts. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Addresses of this machine other than 127.0.0.1: another loopback address and every interface's. */
function otherAddresses(): string[] {
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && !i.address.startsWith('fe80'))
    .map((i) => i?.address as string);
  return ['127.0.0.2', ...external];
}

describe('every port the stack opens is bound to HOST', () => {
  const stacks: ChildStack[] = [];
  afterAll(async () => {
    await Promise.all(stacks.map((s) => s.stop()));
  });

  test('HOST=127.0.0.1 (the default): server, zero-cache, change-streamer and Postgres listen on 127.0.0.1 only', async () => {
    const stack = await startChildStack({ host: '127.0.0.1' });
    stacks.push(stack);
    const sockets = listeningSockets(stack.pid);
    const { server, zero, pg } = stack.ports;
    // The test sees each part's socket (it would miss nothing it should judge).
    for (const port of [server, zero, zero + 1, pg]) expect(sockets.map((s) => s.port)).toContain(port);
    const beyondHost = sockets.filter((s) => s.address !== '127.0.0.1');
    expect(beyondHost).toEqual([]);
    // And from any other address of this machine, nothing answers.
    for (const address of otherAddresses()) {
      for (const port of [server, zero, zero + 1, pg]) expect(await accepts(address, port), `${address}:${port}`).toBe(false);
    }
  });

  test('HOST=0.0.0.0: the server and zero-cache face the network, the change-streamer and Postgres stay on loopback', async () => {
    const stack = await startChildStack({ host: '0.0.0.0' });
    stacks.push(stack);
    const sockets = listeningSockets(stack.pid);
    const { server, zero, pg } = stack.ports;
    const byPort = (port: number) => sockets.filter((s) => s.port === port).map((s) => s.address);
    expect(byPort(server)).toEqual(['0.0.0.0']);
    expect(byPort(zero)).toEqual(['0.0.0.0']);
    expect(byPort(zero + 1)).toEqual(['127.0.0.1']);
    expect(byPort(pg)).toEqual(['127.0.0.1']);
    const unexpected = sockets.filter((s) => ![server, zero, zero + 1, pg].includes(s.port));
    expect(unexpected).toEqual([]);
    for (const address of otherAddresses()) {
      expect(await accepts(address, zero + 1), `change-streamer at ${address}`).toBe(false);
      expect(await accepts(address, pg), `Postgres at ${address}`).toBe(false);
    }
  });
});
