import postgres from 'postgres';
import { afterAll } from 'vitest';
import { type StackInfo, stackInfo } from './stack-info.ts';

/**
 * A connection pool to the shared stack's Postgres, ended after the tests of
 * the file or describe block that asks for it. Call it while the tests are
 * collected (at the top of the file or in a describe callback), not in a test
 * or hook: it connects on its first query.
 */
function useSql(url: keyof Pick<StackInfo, 'databaseUrl' | 'appDatabaseUrl'>, max: number): postgres.Sql {
  const sql = postgres(stackInfo()[url], { max, onnotice: () => {} });
  afterAll(() => sql.end({ timeout: 2 }));
  return sql;
}

/** As the superuser: for test set-up and for reading what was written. */
export function useAdminSql(opts: { max?: number } = {}): postgres.Sql {
  return useSql('databaseUrl', opts.max ?? 2);
}

/** As the server's restricted application role (row-level security applies). */
export function useAppSql(opts: { max?: number } = {}): postgres.Sql {
  return useSql('appDatabaseUrl', opts.max ?? 2);
}
