/** Instants leave the API as ISO 8601 strings. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** Drops undefined entries, so a field the client did not send stays absent from mutator arguments. */
export function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A LIKE pattern matching `text` literally anywhere (list searches, `q`). */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
