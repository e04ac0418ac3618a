import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import WS, { WebSocketServer } from 'ws';
import { type StallReport, watchedWebSocket } from '../../sync/stall-watchdog.ts';

/**
 * The watchdog against a real socket. The far end stands in for zero-cache's
 * socket layer in the state the watchdog exists for: it answers pings with
 * pongs (as zero-cache does on a timer) but nothing else, the way a client
 * group's view-syncer that stopped serving looks from the client. That state
 * cannot be provoked on demand in a real zero-cache, so a small server here
 * plays it; the second case answers pushes with a poke, as a live one does.
 */
describe('a socket whose sync stops answering is reopened', () => {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const url = () => `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sync?clientID=c1`;
  let answersPushes = false;
  server.on('connection', (socket) => {
    socket.send('["connected",{"wsid":"w1"}]');
    socket.on('message', (raw) => {
      const text = raw.toString();
      if (text.startsWith('["ping"')) socket.send('["pong",{}]');
      if (text.startsWith('["push"') && answersPushes) socket.send('["pokeStart",{}]');
    });
  });

  const connect = (stalls: StallReport[], stallMs: number) => {
    const Watched = watchedWebSocket(WS as unknown as Parameters<typeof watchedWebSocket>[0], {
      stallMs,
      onStall: (r) => stalls.push(r),
    });
    const socket = new Watched(url());
    const closed = new Promise<number>((r) => socket.addEventListener('close', (e) => r(e.code ?? 0)));
    const opened = new Promise<void>((r) => socket.addEventListener('open', () => r()));
    return { socket, closed, opened };
  };

  test('a push answered only by pongs: the socket is closed (code 4000) after the stall time, and the stall reported', async () => {
    answersPushes = false;
    const stalls: StallReport[] = [];
    const { socket, closed, opened } = connect(stalls, 400);
    await opened;
    socket.send('["push",{"mutations":[]}]');
    // Pongs keep coming: they do not count as an answer.
    const pings = setInterval(() => socket.readyState === WS.OPEN && socket.send('["ping",{}]'), 50);
    const started = Date.now();
    expect(await closed).toBe(4000);
    clearInterval(pings);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(stalls).toHaveLength(1);
    expect(stalls[0]?.url).toContain('clientID=c1');
    expect(stalls[0]?.waitedMs).toBeGreaterThanOrEqual(400);
  });

  test('a push answered with a poke: the socket stays open past the stall time', async () => {
    answersPushes = true;
    const stalls: StallReport[] = [];
    const { socket, closed, opened } = connect(stalls, 1500);
    await opened;
    let stillOpen = true;
    void closed.then(() => {
      stillOpen = false;
    });
    // Three pushes, each answered, spread over twice the stall time.
    for (let i = 0; i < 3; i++) {
      socket.send('["push",{"mutations":[]}]');
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(stillOpen).toBe(true);
    expect(stalls).toEqual([]);
    socket.close();
    await closed;
  });
});
