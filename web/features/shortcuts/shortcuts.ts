/**
 * The app's keyboard shortcuts (seed 003's), one list for the key handler
 * and the help dialog. Ctrl on Windows and Linux, ⌘ on a Mac.
 */
export type ShortcutAction = { kind: 'help' } | { kind: 'save' } | { kind: 'go'; path: string };

export interface Shortcut {
  /** KeyboardEvent.key, lower case. */
  key: string;
  does: string;
  action: ShortcutAction;
  /**
   * Taken while typing in a field too. Navigation is not: in a text field
   * Ctrl+D, Ctrl+E and Ctrl+K mean something else on some systems (delete,
   * end of line, cut to the end), so there they keep their meaning. Nor
   * does navigation leave an open dialog (keyboard-shortcuts.tsx).
   */
  inFields: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: '/', does: 'Show these shortcuts', action: { kind: 'help' }, inFields: true },
  { key: 'd', does: 'Go to the dashboard', action: { kind: 'go', path: '/' }, inFields: false },
  { key: 'e', does: 'Enter production (data entry)', action: { kind: 'go', path: '/shop-floor/entry' }, inFields: false },
  { key: 'k', does: 'Go to the KPI overview', action: { kind: 'go', path: '/kpis' }, inFields: false },
  { key: 's', does: 'Save the open form', action: { kind: 'save' }, inFields: true },
];

/** The modifier's name as the person's keyboard shows it. */
export const modifierName = (mac: boolean) => (mac ? '⌘' : 'Ctrl');

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * The shortcut a key press means, if any: the platform's modifier (Ctrl, or
 * ⌘ on a Mac) with one of the keys, no Alt (AltGr types characters), and no
 * Shift except for "/", which some layouts type with Shift. `inField`: the
 * press happened while typing in a field.
 */
export function shortcutFor(press: KeyPress, opts: { mac: boolean; inField: boolean }): Shortcut | undefined {
  const modifier = opts.mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (!modifier || press.altKey) return undefined;
  const key = press.key.toLowerCase();
  if (press.shiftKey && key !== '/') return undefined;
  const found = SHORTCUTS.find((s) => s.key === key);
  if (!found || (opts.inField && !found.inFields)) return undefined;
  return found;
}
