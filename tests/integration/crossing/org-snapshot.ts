import type postgres from 'postgres';

type Row = Record<string, unknown>;
/** Every row of one organization, by table, read as the superuser (no row-level security). */
export type OrgSnapshot = Map<string, Row[]>;

/**
 * Reads every row an organization holds: its own row and the rows of every
 * public table with an `organization_id` column, found in the catalog, so a
 * pack's new tables are included the day their migration lands.
 */
export async function orgSnapshot(sql: postgres.Sql, orgID: string): Promise<OrgSnapshot> {
  const tables = await sql<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`;
  const parts = tables.map(
    ({ table_name }) =>
      sql`SELECT ${table_name} AS name, coalesce(json_agg(to_jsonb(r) ORDER BY to_jsonb(r)::text), '[]') AS rows
          FROM ${sql(table_name)} r WHERE r.organization_id = ${orgID}`,
  );
  const own = sql`SELECT 'organization' AS name, coalesce(json_agg(to_jsonb(r)), '[]') AS rows FROM organization r WHERE r.id = ${orgID}`;
  const results = await Promise.all([own, ...parts]);
  return new Map(results.map(([r]) => [String(r?.name), (r?.rows ?? []) as Row[]]));
}

export interface ChangedRow {
  table: string;
  before?: Row;
  after?: Row;
}

/** The rows that differ between two snapshots (added, removed or changed). */
export function changedRows(before: OrgSnapshot, after: OrgSnapshot): ChangedRow[] {
  const key = (row: Row) => String(row.id ?? JSON.stringify(row));
  const out: ChangedRow[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const was = new Map((before.get(table) ?? []).map((r) => [key(r), r]));
    const now = new Map((after.get(table) ?? []).map((r) => [key(r), r]));
    for (const k of new Set([...was.keys(), ...now.keys()])) {
      const [b, a] = [was.get(k), now.get(k)];
      if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ table, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) });
    }
  }
  return out;
}

/** A row that is the person's own: their own record (a layout) or an audit entry of their write. */
export const ownedBy = (change: ChangedRow, userID: string) =>
  [change.before, change.after].every((row) => !row || row.user_id === userID || row.actor_id === userID);

/**
 * Background jobs (pg-boss) about the organization still waiting or running:
 * they write after a request has returned (insights, goal pace), so snapshot
 * comparisons start once there are none.
 */
export async function pendingJobs(sql: postgres.Sql, orgID: string): Promise<number> {
  const [table] = await sql<{ name: string | null }[]>`SELECT to_regclass('pgboss.job')::text AS name`;
  if (!table?.name) return 0;
  const [row] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job
    WHERE state IN ('created', 'retry', 'active') AND data::text LIKE ${`%${orgID}%`}`;
  return row?.n ?? 0;
}

/** Resolves once no job about the organization waits or runs; rejects after `timeoutMs`. */
export async function jobsSettled(sql: postgres.Sql, orgID: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await pendingJobs(sql, orgID);
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} job(s) for organization ${orgID} still pending after ${timeoutMs} ms`);
    // Polling the queue table: the jobs announce nothing.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
