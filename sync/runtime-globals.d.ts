/**
 * The globals sync/ uses that both of its runtimes define: the browser
 * (lib.dom) and Node (@types/node) declare them with different types (a
 * timer is a number in one, a Timeout object in the other). sync/tsconfig.json
 * loads neither, so this file gives sync/ the shape they have in common and
 * nothing else; web/ and server/ check the same code against the real ones.
 * Only sync/tsconfig.json includes it (the root tsconfig.json excludes it).
 * Add a global here only when both runtimes have it.
 */

/** What setTimeout returns in either runtime: only good for clearTimeout. */
interface SyncTimerHandle {
  readonly __syncTimerHandle: never;
}

declare function setTimeout(callback: () => void, ms?: number): SyncTimerHandle;
declare function clearTimeout(handle: SyncTimerHandle | undefined): void;

declare function setInterval(callback: () => void, ms?: number): SyncTimerHandle;
declare function clearInterval(handle: SyncTimerHandle | undefined): void;
