import { type Accessor, createContext, createEffect, onCleanup, useContext } from 'solid-js';

/**
 * What a form inside a role gate (web/features/workspace/role-gate.tsx)
 * needs to know: whether the person may still save, and if not why. A
 * person demoted while typing keeps the form and their text, with the
 * reason, instead of watching it vanish.
 */
export interface WriteAccess {
  /** Why saving is no longer possible (the role changed), or undefined while it is. */
  lost: Accessor<string | undefined>;
  /** Keeps the gate's content on screen while `inUse` holds, even after the permission is gone. */
  holdWhile(inUse: Accessor<boolean>): void;
}

export const WriteAccessContext = createContext<WriteAccess>();

/** The enclosing gate's access, if any: forms outside a gate are never blocked. */
export function useWriteAccess(): WriteAccess | undefined {
  return useContext(WriteAccessContext);
}

/** Reports `inUse` to `set` under a token of its own, and lets go when its owner goes. */
export function trackHold(set: (token: object, inUse: boolean) => void, inUse: Accessor<boolean>): void {
  const token = {};
  createEffect(() => set(token, inUse()));
  onCleanup(() => set(token, false));
}

/**
 * For a dialog inside a role gate: an open dialog stays open (and its form
 * says why) if the role is taken away; the returned accessor says whether
 * its trigger should still be offered.
 */
export function useDialogAccess(open: Accessor<boolean>): Accessor<boolean> {
  const access = useWriteAccess();
  access?.holdWhile(open);
  return () => access?.lost() === undefined;
}
