/** Instants leave the API as ISO 8601 strings. */
export const iso = (ms: number) => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : iso(ms));
/** A day (epoch ms at UTC midnight) as YYYY-MM-DD. */
export const isoDay = (ms: number) => iso(ms).slice(0, 10);
export const dayOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : isoDay(ms));

/** Drops undefined entries, so a field the client did not send stays absent from mutator arguments. */
export function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A LIKE pattern matching `text` literally anywhere (list searches, `q`). */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
