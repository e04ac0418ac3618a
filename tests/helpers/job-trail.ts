import type postgres from 'postgres';

/**
 * What the job queue (pg-boss, in the stack's Postgres) did with the jobs of
 * one type and singleton key queued since `since`, one line per job: its
 * state, retries, when it was created, started and completed (milliseconds
 * after `since`) and its error, if any. For a failure message that says
 * where the time went: never queued, queued but not started, failed and
 * waiting for a retry, or completed in time (then the wait was elsewhere).
 */
export async function jobTrail(sql: postgres.Sql, job: string, singletonKey: string, since: Date): Promise<string> {
  const rows = await sql<
    {
      state: string;
      retry_count: number;
      created: number;
      start_after: number | null;
      started: number | null;
      completed: number | null;
      output: unknown;
    }[]
  >`
    SELECT state, retry_count,
      round(extract(epoch FROM created_on - ${since}::timestamptz) * 1000)::int AS created,
      round(extract(epoch FROM start_after - ${since}::timestamptz) * 1000)::int AS start_after,
      round(extract(epoch FROM started_on - ${since}::timestamptz) * 1000)::int AS started,
      round(extract(epoch FROM completed_on - ${since}::timestamptz) * 1000)::int AS completed,
      output
    FROM pgboss.job
    WHERE name = ${job} AND singleton_key = ${singletonKey} AND created_on >= ${since}::timestamptz - interval '5 seconds'
    ORDER BY created_on`;
  if (rows.length === 0) return `no ${job} job with key ${singletonKey} was queued`;
  const at = (ms: number | null) => (ms === null ? '-' : `+${ms} ms`);
  return rows
    .map(
      (r) =>
        `${job} job ${r.state} (retries ${r.retry_count}): created ${at(r.created)}, may start ${at(r.start_after)}, ` +
        `started ${at(r.started)}, completed ${at(r.completed)}${r.output ? `, output ${JSON.stringify(r.output)}` : ''}`,
    )
    .join('\n');
}

/**
 * Awaits `wait`; when it fails, rethrows its error with `explain()`'s account
 * of the state of things appended (an explanation that itself fails says so).
 */
export async function explainOnFailure<T>(wait: Promise<T>, explain: () => Promise<string>): Promise<T> {
  try {
    return await wait;
  } catch (err) {
    const why = await explain().catch((e: unknown) => `(could not explain: ${(e as Error).message})`);
    throw new Error(`${(err as Error).message}\n--- where it stopped\n${why}`, { cause: err });
  }
}
