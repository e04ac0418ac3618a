import { describe, expect, test } from 'vitest';
import { type KeyPress, SHORTCUTS, shortcutFor } from '../../web/features/shortcuts/shortcuts.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const pc = { mac: false, inField: false };
const mac = { mac: true, inField: false };

describe('keyboard shortcuts', () => {
  test('Ctrl on a PC, ⌘ on a Mac; each key to its action', () => {
    expect(shortcutFor(press('d', { ctrlKey: true }), pc)?.action).toEqual({ kind: 'go', path: '/' });
    expect(shortcutFor(press('e', { ctrlKey: true }), pc)?.action).toEqual({ kind: 'go', path: '/shop-floor/entry' });
    expect(shortcutFor(press('K', { ctrlKey: true }), pc)?.action).toEqual({ kind: 'go', path: '/kpis' });
    expect(shortcutFor(press('s', { ctrlKey: true }), pc)?.action).toEqual({ kind: 'save' });
    expect(shortcutFor(press('/', { ctrlKey: true }), pc)?.action).toEqual({ kind: 'help' });
    expect(shortcutFor(press('d', { metaKey: true }), mac)?.action).toEqual({ kind: 'go', path: '/' });
    // The other platform's modifier does nothing (Ctrl+D on a Mac deletes a character in a field).
    expect(shortcutFor(press('d', { metaKey: true }), pc)).toBeUndefined();
    expect(shortcutFor(press('d', { ctrlKey: true }), mac)).toBeUndefined();
  });

  test('no modifier, Alt (AltGr), Shift with a letter, or an unknown key: nothing', () => {
    expect(shortcutFor(press('d'), pc)).toBeUndefined();
    expect(shortcutFor(press('d', { ctrlKey: true, altKey: true }), pc)).toBeUndefined();
    expect(shortcutFor(press('D', { ctrlKey: true, shiftKey: true }), pc)).toBeUndefined();
    expect(shortcutFor(press('x', { ctrlKey: true }), pc)).toBeUndefined();
    // "/" typed with Shift on some layouts still opens the help.
    expect(shortcutFor(press('/', { ctrlKey: true, shiftKey: true }), pc)?.action).toEqual({ kind: 'help' });
  });

  test('while typing in a field only help and save are taken; navigation keys keep their meaning there', () => {
    const field = { mac: false, inField: true };
    expect(shortcutFor(press('s', { ctrlKey: true }), field)?.action).toEqual({ kind: 'save' });
    expect(shortcutFor(press('/', { ctrlKey: true }), field)?.action).toEqual({ kind: 'help' });
    for (const key of ['d', 'e', 'k']) expect(shortcutFor(press(key, { ctrlKey: true }), field)).toBeUndefined();
  });

  test('one shortcut per key', () => {
    expect(new Set(SHORTCUTS.map((s) => s.key)).size).toBe(SHORTCUTS.length);
  });
});
