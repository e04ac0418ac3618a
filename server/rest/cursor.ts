import { validationFailed } from './issues.ts';

/**
 * Opaque keyset cursors for newest-first lists: the sort key of the last
 * row a page gave (a day or an instant as epoch ms, and the row's id), so the
 * next page starts right after it however many rows were added meanwhile.
 * Opaque (base64url JSON) so clients pass it back rather than build one.
 */
export interface Keyset {
  at: number;
  id: string;
}

export const cursorOf = (key: Keyset): string => Buffer.from(JSON.stringify([key.at, key.id])).toString('base64url');

/** The keyset a cursor names, or a 400 naming `cursor` when it is not one a list gave. */
export function keysetOf(cursor: string): Keyset {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string') {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // Not JSON: refused below like any other cursor no list gave.
  }
  const msg = 'cursor is not one this list gave: pass a nextCursor back unchanged, or leave it out to start over';
  throw validationFailed([{ loc: ['query', 'cursor'], msg, type: 'invalid_cursor' }]);
}
