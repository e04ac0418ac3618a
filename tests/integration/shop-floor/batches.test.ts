import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { ProductionBatch } from '../../../sync/schema.ts';
import { BATCH_PATH, csvOf, uploadBatch } from '../../helpers/batches.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { JOB_DEADLINE_MS } from '../../helpers/deadlines.ts';
import { api, useOrg } from '../../helpers/people.ts';
import { comparable, expectError, expectStatus, rest } from '../../helpers/rest.ts';
import { useZeroClients, watch } from '../../helpers/zero-client.ts';

const HEADER = ['work_order_id', 'shift_date', 'units_produced', 'run_time_hours', 'employees_assigned', 'line', 'shift'];
const good = (n: number, order = 'WO-A') =>
  Array.from({ length: n }, (_, i) => [
    order,
    `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
    100 + i,
    7.5,
    4,
    'Line A',
    'Early',
  ]);

describe('CSV production batches', () => {
  const org = useOrg('Batches', { ada: 'owner', mia: 'manager', otto: 'operator', olga: 'operator', vic: 'viewer' });
  const other = useOrg('Batches elsewhere', { ivan: 'owner' });
  const as = (who: 'mia' | 'otto' | 'vic') => ({ person: org[who], org: org.id });
  const open = useZeroClients();
  const sql = useAdminSql({ max: 2 });

  const entries = async (orgID = org.id) =>
    (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sf_production_entry WHERE organization_id = ${orgID}`)[0]?.n ?? 0;
  const batches = async () =>
    (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sf_production_batch WHERE organization_id = ${org.id}`)[0]?.n;
  const upload = (
    content: string | Uint8Array,
    opts: Parameters<typeof uploadBatch>[3] = {},
    who: 'mia' | 'otto' | 'vic' = 'otto',
  ) => uploadBatch(org[who], org.id, content, opts);
  const status = async (id: string) => expectStatus(await rest(as('vic'), 'GET', `${BATCH_PATH}/${id}/status`), 200);
  const completed = (id: string) =>
    expect.poll(async () => (await status(id)).status, { timeout: JOB_DEADLINE_MS, interval: 200 }).toBe('COMPLETED');
  /** Refused whole: a 400 naming the file (and the message checked by `pattern`), and no batch stored. */
  const refusedWhole = async (content: string | Uint8Array, pattern: RegExp, opts: Parameters<typeof uploadBatch>[3] = {}) => {
    const before = await batches();
    const error = expectError(await upload(content, opts), 400, 'VALIDATION_FAILED');
    expect(error.message).toMatch(pattern);
    expect(await batches()).toBe(before);
    return error;
  };

  beforeAll(async () => {
    const z = open(org.mia, org.id);
    const write = async (w: Parameters<typeof z.mutate>[0]) => expect((await z.mutate(w).server).type).toBe('success');
    await write(mutators.line.create({ id: randomUUID(), name: 'Line A' }));
    await write(mutators.shift.create({ id: randomUUID(), name: 'Early', start: '06:00', end: '14:00', breaks: [] }));
    expectStatus(await rest(as('mia'), 'POST', '/api/products', { code: 'P-1', name: 'Bolt', idealCycleSeconds: 30 }), 201);
    for (const number of ['WO-A', 'WO-B', 'WO-SHUT']) {
      expectStatus(await rest(as('mia'), 'POST', '/api/work-orders', { number, plannedQuantity: 1000 }), 201);
    }
    const done = expectStatus(await rest(as('mia'), 'POST', '/api/work-orders', { number: 'WO-DONE', plannedQuantity: 5 }), 201);
    expectStatus(await rest(as('mia'), 'POST', `/api/work-orders/${done.id}/transitions`, { to: 'COMPLETED' }), 201);
    // Only the other organization has WO-THEIRS.
    const theirs = { person: other.ivan, org: other.id };
    expectStatus(await rest(theirs, 'POST', '/api/work-orders', { number: 'WO-THEIRS', plannedQuantity: 10 }), 201);
  });

  test('a good file is checked and staged, nothing entered; confirm imports it once, as the uploader, and every member sees it move live', async () => {
    const viewer = open(org.vic, org.id);
    const before = await entries();
    const answer = expectStatus(await upload(csvOf(HEADER, good(5)), { name: 'week 45.csv' }), 202);
    expect(answer).toEqual({ batchId: expect.any(String), total: 5, valid: 5, invalid: 0, errors: [] });
    expect(await entries()).toBe(before);
    expect(await status(answer.batchId)).toEqual({ status: 'VALIDATED', processed: 0, total: 5, rejected: 0, failure: null });

    const seen = watch<ProductionBatch | undefined>(
      viewer,
      queries.productionBatches.byId({ orgID: org.id, id: answer.batchId }),
    );
    await seen.until((b) => b?.status === 'VALIDATED');
    expect(seen.current()).toMatchObject({ fileName: 'week 45.csv', total: 5, valid: 5, invalid: 0, processed: 0 });

    const confirmed = expectStatus(await rest(as('mia'), 'POST', `${BATCH_PATH}/${answer.batchId}/confirm`), 202);
    expect(confirmed).toMatchObject({ status: 'PROCESSING', processed: 0, total: 5 });
    const done = await seen.until((b) => b?.status === 'COMPLETED', JOB_DEADLINE_MS);
    expect(done).toMatchObject({ processed: 5, rejected: 0, confirmedBy: org.mia.userID, createdBy: org.otto.userID });
    expect(await status(answer.batchId)).toEqual({ status: 'COMPLETED', processed: 5, total: 5, rejected: 0, failure: null });
    expect(await entries()).toBe(before + 5);
    const authors = await sql`SELECT DISTINCT created_by FROM sf_production_entry WHERE organization_id = ${org.id}`;
    expect(authors.map((r) => r.created_by)).toEqual([org.otto.userID]);
    // Each imported entry is audited on its own (one statement writes them), as the uploader, by the import;
    // its values are not copied but found in the staged chunk the audit row names, which the import keeps.
    const audited = await sql<{ row_id: string; actor_id: string; source: string; after: { keptIn: string } }[]>`
      SELECT a.row_id, a.actor_id, a.source, a.after FROM audit_log a
        JOIN sf_production_entry e ON e.id = a.row_id AND e.organization_id = a.organization_id
       WHERE a.organization_id = ${org.id} AND a.table_name = 'sf_production_entry' AND a.action = 'insert'
         AND a.source = 'job:production-batch-import'`;
    expect(audited).toHaveLength(5);
    expect(new Set(audited.map((a) => a.row_id)).size).toBe(5);
    expect(audited.every((a) => a.actor_id === org.otto.userID)).toBe(true);
    expect(new Set(audited.map((a) => a.after.keptIn))).toEqual(new Set([`sf_production_batch_chunk:${answer.batchId}:0`]));
    const [kept] = await sql<{ units: number[] }[]>`
      SELECT array_agg((r->>'p')::int ORDER BY (r->>'p')::int) AS units
        FROM sf_production_batch_chunk c, jsonb_array_elements(c.rows) r
       WHERE c.batch_id = ${answer.batchId} AND c.organization_id = ${org.id} AND c.chunk = 0`;
    expect(kept?.units).toEqual([100, 101, 102, 103, 104]);
    // Any other insert keeps its full copy: the reference is set only in the import's own transactions.
    const [ids] = await sql<{ wo: string; line: string }[]>`
      SELECT o.id AS wo, l.id AS line FROM sf_work_order o JOIN sf_line l ON l.organization_id = o.organization_id
       WHERE o.organization_id = ${org.id} AND o.number = 'WO-A' AND l.name = 'Line A'`;
    const typed = randomUUID();
    const entry = mutators.productionEntry.create({
      id: typed,
      workOrderID: ids?.wo ?? '',
      lineID: ids?.line ?? '',
      shiftDate: Date.parse('2026-11-30'),
      unitsProduced: 77,
      runHours: 1,
      employeesAssigned: 2,
    } as Parameters<typeof mutators.productionEntry.create>[0]);
    expect((await open(org.otto, org.id).mutate(entry).server).type).toBe('success');
    const [own] = await sql<{ after: { units_produced: number; keptIn?: string } }[]>`
      SELECT after FROM audit_log WHERE organization_id = ${org.id} AND row_id = ${typed} AND action = 'insert'`;
    expect(own?.after).toMatchObject({ units_produced: 77 });
    expect(own?.after.keptIn).toBeUndefined();

    // Once only: a second confirm is a conflict and imports nothing.
    expectError(await rest(as('otto'), 'POST', `${BATCH_PATH}/${answer.batchId}/confirm`), 409, 'CONFLICT');
    expect(await entries()).toBe(before + 5 + 1);
  });

  test('mixed rows: every error with its row and column, only the good rows staged and imported', async () => {
    const csv = [
      `${HEADER.join(',')},units_defective`,
      'WO-A,2026-11-02,100,7,3,Line A,Early,2', // 1 good
      'WO-A,2026-11-02,10,7,3,Line A,Early,,12', // 2 an extra value
      'WO-NOPE,2026-11-31,-4,25,x,Line Z,Late,', // 3 nearly everything wrong
      'WO-DONE,2026-11-03,10,7,3,Line A,,', // 4 a closed order
      'WO-THEIRS,2026-11-03,10,7,3,Line A,,', // 5 another organization's order
      'WO-B,2026-11-04,10,9,3,Line A,Early,', // 6 longer than the shift
      'WO-B,,,,,,,', // 7 blanks, and no line to default to
      'WO-B,2026-11-05,50,6,2,Line A,,60', // 8 more defective than produced
    ].join('\n');
    const answer = expectStatus(await upload(csv), 202);
    expect(answer).toMatchObject({ total: 8, valid: 1, invalid: 7 });
    expect(answer.errors).toEqual([
      { row: 2, field: 'row', message: 'The row has 9 values but the header names 8 columns' },
      { row: 3, field: 'employees_assigned', message: 'employees_assigned must be a number (got “x”)' },
      { row: 3, field: 'shift_date', message: 'shift_date must be a date, YYYY-MM-DD (got “2026-11-31”)' },
      { row: 3, field: 'work_order_id', message: 'No work order with the number “WO-NOPE” in this organization' },
      { row: 3, field: 'line', message: 'No line named “Line Z” in this organization' },
      { row: 3, field: 'shift', message: 'No shift named “Late” in this organization' },
      { row: 3, field: 'units_produced', message: 'Units produced cannot be negative' },
      { row: 3, field: 'run_time_hours', message: 'Run time must be at most 24 hours (no shift is longer than a day)' },
      { row: 4, field: 'work_order_id', message: 'Work order WO-DONE is completed: it takes no new entries' },
      { row: 5, field: 'work_order_id', message: 'No work order with the number “WO-THEIRS” in this organization' },
      { row: 6, field: 'run_time_hours', message: 'Run time (9 h) cannot be more than the 8 h of shift Early (06:00-14:00)' },
      { row: 7, field: 'units_produced', message: 'units_produced is required' },
      { row: 7, field: 'run_time_hours', message: 'run_time_hours is required' },
      { row: 7, field: 'employees_assigned', message: 'employees_assigned is required' },
      { row: 7, field: 'shift_date', message: 'shift_date is required' },
      { row: 7, field: 'line', message: 'line is required: work order WO-B has no job to take the line from' },
      { row: 8, field: 'units_defective', message: 'Units defective (60) cannot be more than units produced (50)' },
    ]);

    const report = await api(org.vic, 'GET', `${BATCH_PATH}/${answer.batchId}/errors.csv`, undefined, {
      'x-organization-id': org.id,
    });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = String(report.body).trimEnd().split('\r\n');
    expect(lines[0]).toBe('row,field,message');
    expect(lines).toHaveLength(answer.errors.length + 1);
    expect(lines[1]).toBe('2,row,The row has 9 values but the header names 8 columns');

    const before = await entries();
    expectStatus(await rest(as('otto'), 'POST', `${BATCH_PATH}/${answer.batchId}/confirm`), 202);
    await completed(answer.batchId);
    expect(await entries()).toBe(before + 1);
    const [landed] = await sql`SELECT units_produced, units_defective FROM sf_production_entry
      WHERE organization_id = ${org.id} AND created_at > now() - interval '1 minute' ORDER BY created_at DESC LIMIT 1`;
    expect(landed).toEqual({ units_produced: 100, units_defective: 2 });
  });

  test('a file over several staged chunks, bad rows scattered through it: every good row lands once, with its values', async () => {
    // 4,500 rows, every 7th refused: the staged chunks (STAGE_CHUNK valid rows each) do not line up with row numbers.
    const rows = good(4500, 'WO-B').map((r, i) => (i % 7 === 6 ? r.map((cell, c) => (c === 2 ? -1 : cell)) : r));
    const answer = expectStatus(await upload(csvOf(HEADER, rows)), 202);
    const refusedRows = Math.floor(4500 / 7);
    expect(answer).toMatchObject({ total: 4500, valid: 4500 - refusedRows, invalid: refusedRows });
    expect(await sql`SELECT chunk FROM sf_production_batch_chunk WHERE batch_id = ${answer.batchId} ORDER BY chunk`).toEqual([
      { chunk: 0 },
      { chunk: 1 },
    ]);
    const before = await sql<{ n: number; units: number }[]>`
      SELECT count(*)::int AS n, coalesce(sum(units_produced), 0)::int AS units FROM sf_production_entry
       WHERE organization_id = ${org.id} AND work_order_id = (SELECT id FROM sf_work_order WHERE organization_id = ${org.id} AND number = 'WO-B')`;
    expectStatus(await rest(as('otto'), 'POST', `${BATCH_PATH}/${answer.batchId}/confirm`), 202);
    await completed(answer.batchId);
    expect(await status(answer.batchId)).toMatchObject({ processed: 4500 - refusedRows, total: 4500 - refusedRows, rejected: 0 });
    const after = await sql<{ n: number; units: number }[]>`
      SELECT count(*)::int AS n, coalesce(sum(units_produced), 0)::int AS units FROM sf_production_entry
       WHERE organization_id = ${org.id} AND work_order_id = (SELECT id FROM sf_work_order WHERE organization_id = ${org.id} AND number = 'WO-B')`;
    const expectedUnits = rows.filter((_, i) => i % 7 !== 6).reduce((sum, r) => sum + Number(r[2]), 0);
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(4500 - refusedRows);
    expect((after[0]?.units ?? 0) - (before[0]?.units ?? 0)).toBe(expectedUnits);
  });

  test('columns in any order, any case, a BOM, optional product; text/csv and multipart read alike', async () => {
    const header = ['Employees_Assigned', 'product', 'run_time_hours', 'LINE', 'units_produced', 'shift_date', 'work_order_id'];
    const rows = [
      [3, 'P-1', 6, 'Line A', 80, '2026-11-10', 'WO-B'],
      [3, 'P-9', 6, 'Line A', 80, '2026-11-10', 'WO-B'],
    ];
    const csv = `\uFEFF${csvOf(header, rows).replaceAll('\n', '\r\n')}`;
    for (const as of ['csv', 'multipart'] as const) {
      const answer = expectStatus(await upload(csv, { as, name: `any-order.${as}.csv` }), 202);
      expect(answer).toMatchObject({ total: 2, valid: 1, invalid: 1 });
      expect(answer.errors).toEqual([
        { row: 2, field: 'product', message: 'No product with the code “P-9” in this organization' },
      ]);
      const [batch] = await sql`SELECT file_name, file_size FROM sf_production_batch WHERE id = ${answer.batchId}`;
      expect(batch?.file_name).toBe(`any-order.${as}.csv`);
    }
  });

  test('wrong columns: unknown and missing columns refuse the whole file, each named', async () => {
    const error = await refusedWhole(
      csvOf(['work_order_id', 'shift_date', 'units', 'run_time_hours', 'colour'], [['WO-A']]),
      /header/,
    );
    expect(error.details.map((d) => d.loc.join('.'))).toEqual([
      'body.file.header.units',
      'body.file.header.colour',
      'body.file.header.units_produced',
      'body.file.header.employees_assigned',
    ]);
    expect(error.details[0]?.msg).toMatch(/^Unknown column “units” in the header: the columns are work_order_id, /);
    expect(error.details[2]?.msg).toMatch(/^Required column “units_produced” is missing/);
  });

  test('wrong encoding, garbage, empty files and an over-large body are refused with a clear message, nothing stored', async () => {
    const csv = csvOf(HEADER, [['WO-A', '2026-11-02', 100, 7, 3, 'Ligne é', 'Early']]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    await refusedWhole(utf16, /UTF-16 text, not UTF-8.*CSV UTF-8/);
    await refusedWhole(Buffer.from(csv, 'utf16le'), /NUL bytes near line 1: it is UTF-16 or binary/);
    await refusedWhole(Buffer.from(csv, 'latin1'), /not UTF-8 text: bytes on line 2 are not valid UTF-8/);
    await refusedWhole(randomBytes(10 * 1024 * 1024), /UTF-16|not UTF-8|NUL bytes/);
    await refusedWhole('x'.repeat(10 * 1024 * 1024), /Line 1 is longer than 64 KB/);
    await refusedWhole(`${HEADER.join(',')}\n"WO-A,2026-11-02\n`.repeat(2), /not a readable CSV|longer than/);
    await refusedWhole('', /The file is empty/);
    await refusedWhole('\uFEFF\n\n', /The file is empty/);
    await refusedWhole(`${HEADER.join(',')}\n`, /a header but no data rows/);

    const before = await batches();
    const big = Buffer.alloc(33 * 1024 * 1024, 'a');
    expectError(await upload(big), 413, 'TOO_LARGE');
    expect(await batches()).toBe(before);
    expectError(await upload(csv, { contentType: 'application/json' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('a row whose work order closes between upload and confirm is reported, not imported; the rest land', async () => {
    const answer = expectStatus(await upload(csvOf(HEADER, [...good(3, 'WO-SHUT'), ...good(2, 'WO-A')])), 202);
    expect(answer).toMatchObject({ valid: 5, invalid: 0 });
    const [shut] = await sql`SELECT id FROM sf_work_order WHERE organization_id = ${org.id} AND number = 'WO-SHUT'`;
    const closing = { to: 'CANCELLED', reason: 'Customer withdrew' };
    expectStatus(await rest(as('mia'), 'POST', `/api/work-orders/${shut?.id}/transitions`, closing), 201);
    const before = await entries();
    expectStatus(await rest(as('otto'), 'POST', `${BATCH_PATH}/${answer.batchId}/confirm`), 202);
    await completed(answer.batchId);
    expect(await status(answer.batchId)).toEqual({ status: 'COMPLETED', processed: 5, total: 5, rejected: 3, failure: null });
    expect(await entries()).toBe(before + 2);
    const report = await api(org.vic, 'GET', `${BATCH_PATH}/${answer.batchId}/errors.csv`, undefined, {
      'x-organization-id': org.id,
    });
    expect(String(report.body).trimEnd().split('\r\n').slice(1)).toEqual(
      [1, 2, 3].map(
        (row) => `${row},work_order_id,Work order WO-SHUT is cancelled since the upload: it takes no new entries (not imported)`,
      ),
    );
  });

  test('an uploader who may no longer enter production when the import runs: the batch is FAILED with the reason, nothing entered', async () => {
    const answer = expectStatus(await uploadBatch(org.olga, org.id, csvOf(HEADER, good(3))), 202).batchId as string;
    const [member] = await sql`SELECT id FROM member WHERE "organizationId" = ${org.id} AND "userId" = ${org.olga.userID}`;
    const demoted = { memberId: member?.id, role: 'viewer', organizationId: org.id };
    expect((await api(org.ada, 'POST', '/api/auth/organization/update-member-role', demoted)).status).toBe(200);
    const before = await entries();
    expectStatus(await rest(as('mia'), 'POST', `${BATCH_PATH}/${answer}/confirm`), 202);
    await expect.poll(async () => (await status(answer)).status, { timeout: JOB_DEADLINE_MS, interval: 200 }).toBe('FAILED');
    expect(await status(answer)).toEqual({
      status: 'FAILED',
      processed: 0,
      total: 3,
      rejected: 0,
      failure: 'The import stopped: the uploader may no longer enter production in this organization',
    });
    expect(await entries()).toBe(before);
  });

  test('roles: operators and up upload and confirm, viewers read only (403), strangers are 401', async () => {
    const csv = csvOf(HEADER, good(1));
    expectError(await upload(csv, {}, 'vic'), 403, 'FORBIDDEN');
    const answer = expectStatus(await upload(csv, {}, 'mia'), 202);
    expectError(await rest(as('vic'), 'POST', `${BATCH_PATH}/${answer.batchId}/confirm`), 403, 'FORBIDDEN');
    expectError(await rest({}, 'GET', `${BATCH_PATH}/${answer.batchId}/status`), 401, 'UNAUTHENTICATED');
  });

  test('crossing: another organization’s batch id is 404 on status, confirm and the error report, as a made-up id is', async () => {
    const answer = expectStatus(await upload(csvOf(HEADER, [['WO-A', 'bad', 1, 1, 1, 'Line A', 'Early']])), 202);
    const ivan = { person: other.ivan, org: other.id };
    const made = randomUUID();
    for (const [method, suffix] of [
      ['GET', 'status'],
      ['POST', 'confirm'],
      ['GET', 'errors.csv'],
    ] as const) {
      const theirs = await rest(ivan, method, `${BATCH_PATH}/${answer.batchId}/${suffix}`);
      expectError(theirs, 404, 'NOT_FOUND');
      expect(comparable(theirs)).toEqual(comparable(await rest(ivan, method, `${BATCH_PATH}/${made}/${suffix}`)));
    }
    expect((await status(answer.batchId)).status).toBe('VALIDATED');
    // Nor does the synced batch reach the other organization's members, even when they ask for it by id.
    const intruder = watch<ProductionBatch | undefined>(
      open(other.ivan, other.id),
      queries.productionBatches.byId({ orgID: org.id, id: answer.batchId }),
    );
    expect(await intruder.until(() => true)).toBeUndefined();
  });
});
