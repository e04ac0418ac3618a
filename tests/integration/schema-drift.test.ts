import { createSchema, number, string, table } from '@rocicorp/zero';
import { zeroPostgresJS } from '@rocicorp/zero/server/adapters/postgresjs';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { ZERO_PUBLICATION } from '../../server/stack/zero-cache.ts';
import { schema } from '../../sync/schema.ts';

const admin = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
// The role the server's mutators run as: it must see every column the schema names.
const app = postgres(inject('stack').databaseUrl, { max: 1, onnotice: () => {}, connection: { role: 'kpi_app' } });
afterAll(async () => {
  await Promise.all([admin.end({ timeout: 2 }), app.end({ timeout: 2 })]);
});

/** Zero checks tables, columns and types against Postgres on a database's first transaction. */
const check = (s: Parameters<typeof zeroPostgresJS>[0], sql = admin) => zeroPostgresJS(s, sql).transaction(async () => {});

/** Postgres table -> Postgres columns, as the Zero schema names them. */
function zeroTables(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of Object.values(schema.tables) as {
    name: string;
    serverName?: string;
    columns: Record<string, { serverName?: string }>;
  }[]) {
    out.set(
      t.serverName ?? t.name,
      Object.entries(t.columns).map(([name, c]) => c.serverName ?? name),
    );
  }
  return out;
}

describe('the Zero schema matches Postgres', () => {
  test('Zero accepts sync/schema.ts against the migrated database, as superuser and as kpi_app', async () => {
    await expect(check(schema)).resolves.toBeUndefined();
    await expect(check(schema, app)).resolves.toBeUndefined();
  });

  test('the check can fail: a column Postgres lacks is reported', async () => {
    const drifted = createSchema({
      tables: [table('kpi').columns({ id: string(), name: string(), mood: string().optional() }).primaryKey('id')],
    });
    await expect(check(drifted)).rejects.toThrow(
      'Column "mood" in table "kpi" is defined in your zero schema but does not exist in the database.',
    );
  });

  test('the check can fail: a wrong type and a missing table are reported', async () => {
    const wrongType = createSchema({
      tables: [table('kpi').columns({ id: string(), target: string() }).primaryKey('id')],
    });
    await expect(check(wrongType)).rejects.toThrow(
      'Type mismatch for column "target" in table "kpi": double precision should be mapped to number in Zero not string.',
    );
    const missing = createSchema({
      tables: [table('kpiArchive').from('kpi_archive').columns({ id: string(), at: number() }).primaryKey('id')],
    });
    await expect(check(missing)).rejects.toThrow('Table "kpi_archive" is defined in your zero schema but does not exist');
  });

  test('a column kpi_app may not read counts as missing: the schema cannot name "user".email', async () => {
    const withEmail = createSchema({
      tables: [table('user').columns({ id: string(), name: string(), email: string() }).primaryKey('id')],
    });
    await expect(check(withEmail)).resolves.toBeUndefined();
    await expect(check(withEmail, app)).rejects.toThrow('Column "email" in table "user"');
  });
});

describe(`the publication ${ZERO_PUBLICATION} carries the Zero schema and no secrets`, () => {
  const published = async () => {
    const rows = await admin<{ schemaname: string; tablename: string; attnames: string[] }[]>`
      SELECT schemaname, tablename, attnames FROM pg_publication_tables WHERE pubname = ${ZERO_PUBLICATION}`;
    return new Map(rows.map((r) => [r.schemaname === 'public' ? r.tablename : `${r.schemaname}.${r.tablename}`, r.attnames]));
  };

  test('zero-cache is pointed at this publication, which lists tables explicitly', async () => {
    expect(ZERO_PUBLICATION).toBe('zkpi_pub');
    const [pub] = await admin`SELECT puballtables FROM pg_publication WHERE pubname = ${ZERO_PUBLICATION}`;
    expect(pub).toEqual({ puballtables: false });
    expect(
      await admin`SELECT 1 FROM pg_publication_namespace pn JOIN pg_publication p ON p.oid = pn.pnpubid
                       WHERE p.pubname = ${ZERO_PUBLICATION}`,
    ).toEqual([]);
  });

  test('every Zero table and column is published', async () => {
    const pub = await published();
    for (const [tableName, columns] of zeroTables()) {
      expect(pub.has(tableName), `table ${tableName} published`).toBe(true);
      const missing = columns.filter((c) => !pub.get(tableName)?.includes(c));
      expect(missing, `columns of ${tableName} missing from ${ZERO_PUBLICATION}`).toEqual([]);
    }
  });

  test('only the Zero tables are published, and auth tables only with their client-visible columns', async () => {
    const pub = await published();
    expect([...pub.keys()].sort()).toEqual([...zeroTables().keys()].sort());
    expect(pub.get('user')?.sort()).toEqual(['id', 'image', 'name']);
    // locale and currency (009): how the organization writes numbers, money and dates; time_zone (023): the
    // clock its days are read on. Every member reads them.
    expect(pub.get('organization')?.sort()).toEqual([
      'createdAt',
      'currency',
      'id',
      'locale',
      'logo',
      'name',
      'slug',
      'time_zone',
    ]);
    expect(pub.get('member')?.sort()).toEqual(['createdAt', 'id', 'organizationId', 'role', 'userId']);
  });

  test('no secret leaves Postgres: no session, account, verification, invitation, rate limit or audit rows, no e-mail', async () => {
    const pub = await published();
    for (const secret of ['session', 'account', 'verification', 'invitation', 'rateLimit', 'audit_log', 'pgmigrations']) {
      expect(pub.has(secret), secret).toBe(false);
    }
    expect(pub.get('user')).not.toContain('email');
    expect(pub.get('user')).not.toContain('emailVerified');
    const allColumns = [...pub.values()].flat();
    for (const column of ['password', 'token', 'accessToken', 'refreshToken', 'idToken', 'email', 'ipAddress', 'userAgent']) {
      expect(allColumns, column).not.toContain(column);
    }
  });
});
