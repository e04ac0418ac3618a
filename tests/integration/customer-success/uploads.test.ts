import { describe, expect, test } from 'vitest';
import { exampleWorkbook } from '../../../server/customer-success/uploads/example.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectError, expectStatus, rest } from '../../helpers/rest.ts';
import { buildWorkbook, download, postWorkbook } from '../../helpers/workbooks.ts';

describe('REST /api/accounts/{id}/uploads: versioned Excel KPI uploads', () => {
  const org = useOrg('Uploads REST', { ada: 'owner', mia: 'manager', vic: 'viewer' });
  const other = useOrg('Uploads elsewhere', { ivan: 'owner' });
  const sql = useAdminSql();
  const as = (who: 'ada' | 'mia' | 'vic') => ({ person: org[who], org: org.id });

  const newAccount = async (name: string) =>
    expectStatus(await rest(as('mia'), 'POST', '/api/accounts', { name }), 201).id as string;
  /** What the account holds: its KPIs' names and current values, its data points, its uploads. */
  const held = async (accountID: string) => {
    const kpis = await sql<{ name: string; current_value: number | null; health_category: string; weight: number }[]>`
      SELECT name, current_value, health_category, weight FROM kpi WHERE account_id = ${accountID} ORDER BY name`;
    const [points] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM data_point p JOIN kpi k ON k.id = p.kpi_id WHERE k.account_id = ${accountID}`;
    const uploads = await sql<{ status: string; version: number | null }[]>`
      SELECT status, version FROM kpi_upload WHERE account_id = ${accountID} ORDER BY created_at`;
    return { kpis, points: points?.n ?? 0, uploads };
  };
  const current = async (accountID: string) =>
    Object.fromEntries((await held(accountID)).kpis.map((k) => [k.name, k.current_value]));

  test('preview writes nothing but the preview; confirm writes every KPI and a version; twice is refused', async () => {
    const accountID = await newAccount('Contoso');
    const example = await exampleWorkbook();
    const preview = expectStatus(await postWorkbook(org.mia, org.id, accountID, example, { name: 'Contoso KPIs.xlsx' }), 200);
    expect(preview).toMatchObject({ uploadId: expect.any(String), mode: 'corporate', fileName: 'Contoso KPIs.xlsx', errors: [] });
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[0]).toMatchObject({
      sheet: 'Relationship Strength',
      row: 2,
      name: 'NPS Score',
      value: 32,
      businessUnit: null,
    });
    expect(preview.diff.added).toHaveLength(10);
    expect(await held(accountID)).toEqual({ kpis: [], points: 0, uploads: [{ status: 'preview', version: null }] });

    const v1 = expectStatus(await rest(as('mia'), 'POST', `/api/accounts/${accountID}/uploads/${preview.uploadId}/confirm`), 200);
    expect(v1).toMatchObject({
      id: preview.uploadId,
      status: 'confirmed',
      version: 1,
      kind: 'upload',
      confirmedBy: org.mia.userID,
    });
    const after = await held(accountID);
    expect(after.points).toBe(10);
    expect(after.kpis.find((k) => k.name === 'CSAT')).toEqual({
      name: 'CSAT',
      current_value: 4.2,
      health_category: 'Support & Experience',
      weight: 2,
    });
    const [source] = await sql<{ source: string }[]>`
      SELECT DISTINCT p.source FROM data_point p JOIN kpi k ON k.id = p.kpi_id WHERE k.account_id = ${accountID}`;
    expect(source?.source).toBe('upload');

    const again = expectError(
      await rest(as('mia'), 'POST', `/api/accounts/${accountID}/uploads/${preview.uploadId}/confirm`),
      409,
      'CONFLICT',
    );
    expect(again.message).toContain('already confirmed as version 1');
    expect((await held(accountID)).points).toBe(10);
  });

  test('a changed workbook previews its diff; rollback restores a version’s values as a new version, deleting nothing', async () => {
    const accountID = await newAccount('Fabrikam');
    const sheetRows = (nps: number, csat: number) => ({
      'Relationship Strength': [['NPS Score', nps, 2, 'High', 'Quarterly', 'Survey']],
      'Support & Experience': [['CSAT', csat, 1, 'High', 'Monthly', 'Desk']],
    });
    const first = expectStatus(await postWorkbook(org.mia, org.id, accountID, await buildWorkbook(sheetRows(35, 4))), 200);
    expectStatus(await rest(as('mia'), 'POST', `/api/accounts/${accountID}/uploads/${first.uploadId}/confirm`), 200);

    // A reference range for NPS: 35 is healthy, -5 critical.
    const bands = { critical: { min: -100, max: 0 }, risk: { min: 0, max: 30 }, healthy: { min: 30, max: 100 } };
    expectStatus(await rest(as('ada'), 'PUT', '/api/reference-ranges/NPS%20Score', { higherIsBetter: true, ...bands }), 200);
    const second = expectStatus(
      await postWorkbook(
        org.mia,
        org.id,
        accountID,
        await buildWorkbook({ 'Relationship Strength': sheetRows(-5, 4)['Relationship Strength'] }),
      ),
      200,
    );
    expect(second.diff).toEqual({
      added: [],
      changed: [{ name: 'NPS Score', category: 'Relationship Strength', before: 35, after: -5 }],
      removed: [{ name: 'CSAT', category: 'Support & Experience', value: 4 }],
      unchanged: 0,
      bandMoves: [{ name: 'NPS Score', from: 'healthy', to: 'critical' }],
    });
    const v2 = expectStatus(await rest(as('mia'), 'POST', `/api/accounts/${accountID}/uploads/${second.uploadId}/confirm`), 200);
    expect(v2).toMatchObject({ version: 2, changedCount: 1, removedCount: 1, bandMovesCount: 1 });
    expect(await current(accountID)).toEqual({ 'NPS Score': -5, CSAT: 4 });

    const v3 = expectStatus(await rest(as('mia'), 'POST', `/api/accounts/${accountID}/uploads/${first.uploadId}/rollback`), 201);
    expect(v3).toMatchObject({
      kind: 'rollback',
      status: 'confirmed',
      version: 3,
      rolledBackFrom: 1,
      fileName: null,
      createdBy: org.mia.userID,
    });
    expect(await current(accountID)).toEqual({ 'NPS Score': 35, CSAT: 4 });
    // 2 + 1 + 2 points: the rollback added, nothing was deleted.
    expect((await held(accountID)).points).toBe(5);

    const list = expectStatus(await rest(as('vic'), 'GET', `/api/accounts/${accountID}/uploads`), 200);
    expect(list.map((u: { version: number }) => u.version)).toEqual([3, 2, 1]);

    // A preview can be discarded, and then not confirmed; a version cannot be discarded.
    const third = expectStatus(await postWorkbook(org.mia, org.id, accountID, await buildWorkbook(sheetRows(1, 1))), 200);
    expect(
      expectStatus(await rest(as('mia'), 'DELETE', `/api/accounts/${accountID}/uploads/${third.uploadId}`), 200),
    ).toMatchObject({
      status: 'discarded',
    });
    expectError(await rest(as('mia'), 'POST', `/api/accounts/${accountID}/uploads/${third.uploadId}/confirm`), 409, 'CONFLICT');
    expectError(await rest(as('mia'), 'DELETE', `/api/accounts/${accountID}/uploads/${first.uploadId}`), 409, 'CONFLICT');
    // A preview over an hour old cannot be confirmed.
    const stale = expectStatus(await postWorkbook(org.mia, org.id, accountID, await buildWorkbook(sheetRows(2, 2))), 200);
    await sql`UPDATE kpi_upload SET expires_at = now() - interval '1 second' WHERE id = ${stale.uploadId}`;
    const expired = expectError(
      await rest(as('mia'), 'POST', `/api/accounts/${accountID}/uploads/${stale.uploadId}/confirm`),
      409,
      'CONFLICT',
    );
    expect(expired.message).toBe('This preview has expired; upload the file again.');
    expect(await current(accountID)).toEqual({ 'NPS Score': 35, CSAT: 4 });
  });

  test('a bad workbook answers every error with sheet, row and column and stores nothing; bad files are refused', async () => {
    const accountID = await newAccount('Initech');
    const bad = await buildWorkbook(
      {
        'Relationship Strength': [['NPS Score', 30, 1, 'High', 'Quarterly', '']],
        'Product Value': [['NPS Score', 'lots', 1, 'High', 'Quarterly', '']],
      },
      { sheets: ['Relationship Strength', 'Adoption & Engagement', 'Support & Experience', 'Product Value', 'Misc'] },
    );
    const preview = expectStatus(await postWorkbook(org.mia, org.id, accountID, bad), 200);
    expect(preview.uploadId).toBeNull();
    expect(preview.diff).toBeNull();
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Business Outcomes', row: null, column: null }),
        expect.objectContaining({ sheet: 'Misc', message: expect.stringContaining('not a health category') }),
        expect.objectContaining({ sheet: 'Product Value', row: 2, column: 'B' }),
        expect.objectContaining({
          sheet: 'Product Value',
          row: 2,
          column: 'A',
          message: expect.stringContaining('already in Relationship Strength, row 2'),
        }),
      ]),
    );
    expect(await held(accountID)).toEqual({ kpis: [], points: 0, uploads: [] });

    const csv = new TextEncoder().encode('KPI parameter,Data\nNPS Score,3\n');
    const notXlsx = expectError(
      await postWorkbook(org.mia, org.id, accountID, csv, { name: 'kpis.csv' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(notXlsx.message).toBe('The file is not an Excel workbook (.xlsx)');
    expect(notXlsx.details).toEqual([{ loc: ['body', 'file'], msg: notXlsx.message, type: 'workbook' }]);
    const huge = new Uint8Array(1_000_100);
    expectError(await postWorkbook(org.mia, org.id, accountID, huge), 413, 'TOO_LARGE');
    expectError(
      await postWorkbook(org.mia, org.id, accountID, await exampleWorkbook(), { mode: 'sideways' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await rest(as('mia'), 'POST', `/api/accounts/${accountID}/uploads`, { file: 'x' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(await held(accountID)).toEqual({ kpis: [], points: 0, uploads: [] });
  });

  test('rollup mode rolls each KPI up across business units, weighted by the row weight', async () => {
    const accountID = await newAccount('Umbrella');
    const preview = expectStatus(
      await postWorkbook(org.mia, org.id, accountID, await exampleWorkbook('rollup'), { mode: 'rollup' }),
      200,
    );
    expect(preview.rows).toHaveLength(20);
    // NPS Score: North 32, South 33, both weight 2.
    expect(preview.values.find((v: { name: string }) => v.name === 'NPS Score')).toEqual({
      name: 'NPS Score',
      category: 'Relationship Strength',
      value: 32.5,
      weight: 2,
      frequency: 'quarterly',
    });
    expectStatus(await rest(as('mia'), 'POST', `/api/accounts/${accountID}/uploads/${preview.uploadId}/confirm`), 200);
    expect((await current(accountID))['NPS Score']).toBe(32.5);
  });

  test('the original file downloads byte for byte; the example workbook downloads for every member', async () => {
    const accountID = await newAccount('Globex');
    const bytes = await exampleWorkbook();
    const preview = expectStatus(await postWorkbook(org.mia, org.id, accountID, bytes, { name: 'globex.xlsx' }), 200);
    const file = await download(org.vic, org.id, `/api/accounts/${accountID}/uploads/${preview.uploadId}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('globex.xlsx');
    expect(Buffer.from(file.bytes).equals(Buffer.from(bytes))).toBe(true);
    const example = await download(org.vic, org.id, '/api/uploads/example.xlsx');
    expect(example.status).toBe(200);
    expect(example.headers.get('content-type')).toContain('spreadsheetml');
    expect(example.bytes.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect((await download({ cookie: '', ip: org.vic.ip }, org.id, '/api/uploads/example.xlsx')).status).toBe(401);
  });

  test('viewers read but cannot upload, confirm, discard or roll back; another organization gets 404 everywhere', async () => {
    const accountID = await newAccount('Northwind');
    const bytes = await exampleWorkbook();
    const v1 = expectStatus(await postWorkbook(org.mia, org.id, accountID, bytes), 200);
    expectStatus(await rest(as('mia'), 'POST', `/api/accounts/${accountID}/uploads/${v1.uploadId}/confirm`), 200);
    const open = expectStatus(await postWorkbook(org.mia, org.id, accountID, bytes), 200);
    const before = await held(accountID);

    expectError(await postWorkbook(org.vic, org.id, accountID, bytes), 403, 'FORBIDDEN');
    const base = `/api/accounts/${accountID}/uploads`;
    expectError(await rest(as('vic'), 'POST', `${base}/${open.uploadId}/confirm`), 403, 'FORBIDDEN');
    expectError(await rest(as('vic'), 'DELETE', `${base}/${open.uploadId}`), 403, 'FORBIDDEN');
    expectError(await rest(as('vic'), 'POST', `${base}/${v1.uploadId}/rollback`), 403, 'FORBIDDEN');
    expect(expectStatus(await rest(as('vic'), 'GET', base), 200)).toHaveLength(2);

    const ivan = { person: other.ivan, org: other.id };
    const theirs = expectStatus(await rest(ivan, 'POST', '/api/accounts', { name: 'Own' }), 201).id;
    expectError(await postWorkbook(other.ivan, other.id, accountID, bytes), 404, 'NOT_FOUND');
    expectError(await rest(ivan, 'GET', base), 404, 'NOT_FOUND');
    expectError(await rest(ivan, 'POST', `${base}/${open.uploadId}/confirm`), 404, 'NOT_FOUND');
    expectError(await rest(ivan, 'DELETE', `${base}/${open.uploadId}`), 404, 'NOT_FOUND');
    expectError(await rest(ivan, 'POST', `${base}/${v1.uploadId}/rollback`), 404, 'NOT_FOUND');
    expect((await download(other.ivan, other.id, `${base}/${v1.uploadId}/file`)).status).toBe(404);
    // A's upload named under B's own account: still not found.
    const mixed = `/api/accounts/${theirs}/uploads/${open.uploadId}`;
    expectError(await rest(ivan, 'POST', `${mixed}/confirm`), 404, 'NOT_FOUND');
    expect((await download(other.ivan, other.id, `${mixed}/file`)).status).toBe(404);
    expect(await held(accountID)).toEqual(before);
  });
});
