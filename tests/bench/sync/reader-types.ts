/** One reader client as the worker sees it, whatever the target. */
export interface ReaderHandle {
  /**
   * Called on every update with the watched value (null: the row has none
   * yet; undefined: the row is not there) and whether the query has
   * completed its first sync.
   */
  listen(cb: (value: number | null | undefined, complete: boolean) => void): void;
  close(): Promise<void>;
}

/** The shared clock: wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}
