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

interface FloorRow {
  id: string;
  value: number;
}

/**
 * What the bench uses of a floor client. The product registers its own schema
 * as Zero's default types, so the type checker accepts only that schema in
 * `new Zero`; the floor's client is the same class given the floor's schema,
 * seen through this narrower type.
 */
export interface FloorZero {
  materialize(query: unknown): {
    addListener(cb: (rows: readonly FloorRow[], resultType: string) => void): void;
    destroy(): void;
  };
  mutate(request: unknown): { server: Promise<{ type: string }> };
  close(): Promise<void>;
}

type FloorZeroOptions = {
  cacheURL: string;
  schema: FloorSchema;
  mutators: typeof floorMutators;
  userID: string;
  auth: string;
  context: FloorContext;
  kvStore: 'mem';
  logLevel: 'error';
  logSink: { log: () => void };
};

const FloorZeroClass = Zero as unknown as new (options: FloorZeroOptions) => FloorZero;

/** A raw Zero client of the floor; its userID doubles as its auth token. */
export function openFloorZero(zeroURL: string, userID: string): FloorZero {
  return new FloorZeroClass({
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
