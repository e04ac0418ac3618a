import type { Sql } from 'postgres';
import { describe, expect, test } from 'vitest';
import { waitForDatabase } from '../../server/db/wait-for-database.ts';

/** A stand-in for the pool whose `SELECT 1` fails with these errors in turn, then answers. */
function pool(failures: unknown[]): { sql: Sql; calls: () => number } {
  let calls = 0;
  const sql = (() => {
    calls++;
    const err = failures.shift();
    return err === undefined ? Promise.resolve([{ '?column?': 1 }]) : Promise.reject(err);
  }) as unknown as Sql;
  return { sql, calls: () => calls };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('waiting for a restarting database', () => {
  test('polls while Postgres is unreachable and says yes once it answers', async () => {
    const p = pool([refused, refused, { code: '57P03' }]);
    expect(await waitForDatabase(p.sql, Date.now() + 5_000, 1)).toBe(true);
    expect(p.calls()).toBe(4);
  });

  test('an error that is not "unreachable" ends the wait at once', async () => {
    const p = pool([Object.assign(new Error('permission denied'), { code: '42501' })]);
    expect(await waitForDatabase(p.sql, Date.now() + 5_000, 1)).toBe(false);
    expect(p.calls()).toBe(1);
  });

  test('gives up at the deadline', async () => {
    const p = pool(Array.from({ length: 1000 }, () => refused));
    const started = Date.now();
    expect(await waitForDatabase(p.sql, started + 50, 5)).toBe(false);
    expect(p.calls()).toBeGreaterThan(1);
    expect(p.calls()).toBeLessThan(1000);
  });
});
