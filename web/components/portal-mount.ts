import { type Accessor, createContext, useContext } from 'solid-js';

/**
 * Where popups (select lists) inside a modal dialog are portalled to: the
 * dialog itself. A modal dialog marks everything added outside it as
 * aria-hidden, so a list portalled to <body> would be invisible to screen
 * readers (and to tests that query by role).
 */
export const PortalMountContext = createContext<Accessor<HTMLElement | undefined>>();

/** Read when the popup opens (the dialog exists by then); undefined outside a dialog (portal to <body>). */
export function usePortalMount(): Accessor<HTMLElement | undefined> {
  const mount = useContext(PortalMountContext);
  return () => mount?.();
}
