import { inject } from 'vitest';

export interface StackInfo {
  url: string;
  zeroURL: string;
  /** Superuser URL: for test set-up and for reading what was written. */
  databaseUrl: string;
  /** The server's restricted roles, as it connects with them. */
  appDatabaseUrl: string;
  authDatabaseUrl: string;
  /** zero-cache's admin password (generated into the data folder unless set). */
  zeroAdminPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

let override: StackInfo | undefined;

/** Benchmarks run outside vitest and name their own stack. */
export function useStack(info: StackInfo): void {
  override = info;
}

export function stackInfo(): StackInfo {
  return override ?? inject('stack');
}
