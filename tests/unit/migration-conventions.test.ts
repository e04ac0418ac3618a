import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { MIGRATIONS_DIR } from '../../db/migrate.ts';

const migrations = readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((name) => ({ name, sql: readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8') }));

/** The statements, without comments (a comment may quote a statement it warns against). */
const statements = (sql: string) => sql.replace(/--.*$/gm, '');

describe('migrations follow the pack conventions', () => {
  test('every file in the folder is a .sql migration (node-pg-migrate would run any other file too)', () => {
    expect(readdirSync(MIGRATIONS_DIR).filter((f) => !f.endsWith('.sql'))).toEqual([]);
  });

  test('each has exactly one up and one down marker, as node-pg-migrate finds them', () => {
    // Its markers are any comment line starting "up migration"/"down migration",
    // in any case: a comment like "-- down migration: ..." would cut the file short.
    for (const { name, sql } of migrations) {
      for (const direction of ['up', 'down']) {
        const markers = sql.match(new RegExp(`^\\s*--[\\s-]*${direction}\\s+migration`, 'gim')) ?? [];
        expect(markers, `${direction} markers in ${name}`).toHaveLength(1);
      }
    }
  });

  test('only the first creates the publication; later ones add and drop their own tables, never restate it', () => {
    const creating = migrations.filter(({ sql }) => /\bCREATE\s+PUBLICATION\b/i.test(statements(sql)));
    expect(creating.map((m) => m.name)).toEqual(['003_kpi.sql']);
    for (const { name, sql } of migrations) {
      expect(statements(sql), `${name} restates the publication`).not.toMatch(/\bALTER\s+PUBLICATION\s+\w+\s+SET\s+TABLE\b/i);
    }
  });
});
