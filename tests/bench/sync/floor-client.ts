import { Zero } from '@rocicorp/zero';
import WS from 'ws';
import { type FloorContext, type FloorSchema, floorMutators, floorQueries, floorSchema } from './floor-schema.ts';
import type { ReaderHandle } from './reader-types.ts';

// The product's Node clients talk through the `ws` package; so do the
// floor's, so both sides pay the same client-side socket costs.
const current = (globalThis as { WebSocket?: { prototype: object } }).WebSocket;
if (!current || !(current.prototype instanceof WS)) {
  class QuietWebSocket extends WS {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.on('error', () => {});
    }
  }
  (globalThis as { WebSocket: unknown }).WebSocket = QuietWebSocket;
}

export interface FloorReaderSpec {
  kind: 'floor';
  zeroURL: string;
  org: string;
  itemID: string;
  query: 'byOrg' | 'joined';
  userIDs: string[];
}

/** A raw Zero client of the floor; its userID doubles as its auth token. */
export function openFloorZero(zeroURL: string, userID: string) {
  return new Zero<FloorSchema, undefined, FloorContext>({
    cacheURL: zeroURL,
    schema: floorSchema,
    mutators: floorMutators,
    userID,
    auth: userID,
    context: { userID },
    kvStore: 'mem',
    logLevel: 'error',
    logSink: { log: () => {} },
  });
}

export function openFloorReader(spec: FloorReaderSpec, userID: string): ReaderHandle {
  const zero = openFloorZero(spec.zeroURL, userID);
  const view = zero.materialize(floorQueries.items[spec.query]({ org: spec.org }));
  return {
    listen(cb) {
      view.addListener((rows, resultType) => cb(rows.find((r) => r.id === spec.itemID)?.value, resultType === 'complete'));
    },
    async close() {
      view.destroy();
      await zero.close();
    },
  };
}
