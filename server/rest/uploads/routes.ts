import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError, notFound } from '../../../shared/errors.ts';
import type { ZeroContext } from '../../../sync/context.ts';
import { authorize } from '../../../sync/permissions.ts';
import { findOwned, scoped } from '../../../sync/tenant.ts';
import { exampleWorkbook } from '../../customer-success/uploads/example.ts';
import { type Preview, previewUpload } from '../../customer-success/uploads/preview.ts';
import type { ServerMutators } from '../../mutators/registry.ts';
import type { DbTransaction } from '../../zero/db-provider.ts';
import { mutatorContext, type RestDeps, type RestEnv } from '../context.ts';
import { iso } from '../json.ts';
import { errors, IdParams, ok, sessionOrKey } from '../openapi.ts';
import { readUnder } from '../owned.ts';
import { resourceApp, restSource } from '../resource-app.ts';
import { inTenant, readInTenant } from '../tenant.ts';
import { EmptyBody, ExampleQuery, PreviewForm, PreviewSchema, UploadParams, UploadSchema, uploadJson } from './schemas.ts';

const tags = ['KPI uploads'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const optionalEmptyBody = { required: false, content: { 'application/json': { schema: EmptyBody } } };

function previewJson(p: Preview): z.infer<typeof PreviewSchema> {
  return {
    ...p,
    rows: p.rows.map(({ unit, ...r }) => ({ ...r, businessUnit: unit })),
    expiresAt: p.expiresAt === null ? null : iso(p.expiresAt),
  };
}

const fileRefused = (msg: string) => new AppError('VALIDATION_FAILED', msg, [{ loc: ['body', 'file'], msg, type: 'required' }]);

/** The multipart request's workbook and mode. */
async function uploadedFile(c: Context<RestEnv>) {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the workbook as multipart/form-data, in the field “file”');
  }
  const form = await c.req.parseBody();
  const file = form.file;
  if (!(file instanceof File)) throw fileRefused('Send the workbook in the multipart field “file”');
  const mode = form.mode === undefined || form.mode === '' ? 'corporate' : form.mode;
  if (mode !== 'corporate' && mode !== 'rollup') {
    const msg = 'mode must be “corporate” or “rollup”';
    throw new AppError('VALIDATION_FAILED', msg, [{ loc: ['body', 'mode'], msg, type: 'enum' }]);
  }
  const name = file.name.trim().slice(0, 255) || 'workbook.xlsx';
  return { mode, file: { name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) } } as const;
}

/** The account's upload, or 404 (also when the upload belongs to another account). */
async function uploadOf(tx: DbTransaction, orgID: string, accountID: string, uploadID: string) {
  const upload = await findOwned(tx, 'kpiUpload', orgID, uploadID);
  if (!upload || upload.accountID !== accountID) throw notFound('Upload');
  return upload;
}

/**
 * One write on an account's upload, as its mutator: the role first, then the
 * upload (404 unless it is this account's), then the mutator; answers the
 * upload `answerID` (the same one, or the version a rollback made) as it then is.
 */
function actOnUpload(
  deps: RestDeps,
  c: Context<RestEnv>,
  action: 'confirm' | 'rollback' | 'upload',
  write: (w: { tx: DbTransaction; m: ServerMutators; ctx: ZeroContext; uploadID: string }) => Promise<unknown>,
  answerID?: string,
) {
  const { id, uploadId } = c.req.param() as { id: string; uploadId: string };
  const caller = c.get('caller');
  return inTenant(deps, caller, restSource(c), async (tx, m) => {
    const ctx = mutatorContext(caller);
    await authorize(tx, ctx, 'kpiUpload', action);
    await uploadOf(tx, caller.orgID, id, uploadId);
    await write({ tx, m, ctx, uploadID: uploadId });
    return uploadJson(await uploadOf(tx, caller.orgID, id, answerID ?? uploadId));
  });
}

/**
 * /api/accounts/{id}/uploads: the account's versioned Excel KPI uploads.
 * Preview (parse, check, diff; nothing written but the preview), confirm
 * (the values become the account's next version, in one transaction),
 * discard, roll back to a version (its values as a new version), list, and
 * download each version's original file. Managers and up write; every member
 * reads.
 */
export function uploadRoutes(deps: RestDeps) {
  const app = resourceApp(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/uploads',
      tags,
      ...sessionOrKey,
      summary: 'List an account’s uploads',
      description: 'Every member. Newest first: confirmed versions (with `version`), open, expired and discarded previews.',
      request: { params: IdParams },
      responses: { 200: ok(z.array(UploadSchema), 'The uploads'), ...errors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const rows = await readUnder(deps, c, { table: 'account', id }, ({ tx, caller, ctx }) =>
        tx.run(scoped('kpiUpload', caller.orgID, ctx).where('accountID', id).orderBy('createdAt', 'desc').orderBy('id', 'desc')),
      );
      return c.json(rows.map(uploadJson), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/uploads',
      tags,
      ...sessionOrKey,
      summary: 'Preview an Excel KPI upload',
      description: [
        'Managers and above. A multipart upload of the account’s KPI workbook (`file`, and `mode`: `corporate` by default, or `rollup`):',
        'one sheet per health category (Relationship Strength, Adoption & Engagement, Support & Experience, Product Value, Business Outcomes),',
        'row 1 the headers KPI parameter, Data, Weight, Impact level, Measurement frequency, Source review (and Business unit in rollup mode).',
        'Every row is checked; each problem comes back in `errors` with its sheet, row and column, and then nothing is stored (`uploadId` null).',
        'A clean workbook is stored as a preview (nothing else is written) with its diff against the latest version; confirm it within an hour.',
        'Formula cells count by their saved result; a date where a number belongs is an error; blank Weight is 1, blank frequency monthly.',
        'A file that is not an .xlsx, is damaged, unpacks to too much, or has over 2000 rows is refused (400); over 1 MB, 413.',
      ].join(' '),
      request: {
        params: IdParams,
        body: { required: true, content: { 'multipart/form-data': { schema: PreviewForm } } },
      },
      responses: { 200: ok(PreviewSchema, 'The parsed rows, their errors, and the diff'), ...errors(403, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      const { mode, file } = await uploadedFile(c);
      const preview = await inTenant(deps, caller, restSource(c), (tx) =>
        previewUpload(tx, mutatorContext(caller), { orgID: caller.orgID, accountID: id, mode, file }),
      );
      return c.json(previewJson(preview), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/uploads/{uploadId}/confirm',
      tags,
      ...sessionOrKey,
      summary: 'Confirm an upload preview',
      description:
        'Managers and above. In one transaction: creates the KPIs the account lacks (name, health category, weight), writes one data point (source `upload`) per KPI with exactly the previewed values, and records the preview as the account’s next version (who, when). An upload already confirmed or discarded, or a preview over an hour old, is 409.',
      request: { params: UploadParams, body: optionalEmptyBody },
      responses: { 200: ok(UploadSchema, 'The confirmed version'), ...errors(403, 409) },
    }),
    async (c) => {
      c.req.valid('param');
      const row = await actOnUpload(deps, c, 'confirm', ({ tx, m, ctx, uploadID }) =>
        m.kpiUpload.confirm.fn({ tx, args: { id: uploadID }, ctx }),
      );
      return c.json(row, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/uploads/{uploadId}/rollback',
      tags,
      ...sessionOrKey,
      summary: 'Roll back to a version',
      description:
        'Managers and above. Makes version `uploadId`’s values current again as a new version (recorded as rolled back from it, who and when): a data point per KPI with its values; nothing is deleted. Only a confirmed version can be rolled back to (409).',
      request: { params: UploadParams, body: optionalEmptyBody },
      responses: { 201: ok(UploadSchema, 'The new version'), ...errors(403, 409) },
    }),
    async (c) => {
      c.req.valid('param');
      const newID = randomUUID();
      const row = await actOnUpload(
        deps,
        c,
        'rollback',
        ({ tx, m, ctx, uploadID }) => m.kpiUpload.rollback.fn({ tx, args: { id: newID, fromID: uploadID }, ctx }),
        newID,
      );
      return c.json(row, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/uploads/{uploadId}',
      tags,
      ...sessionOrKey,
      summary: 'Discard an upload preview',
      description:
        'Managers and above. The preview can no longer be confirmed; it stays listed as discarded. A confirmed version cannot be discarded (409): roll back instead.',
      request: { params: UploadParams },
      responses: { 200: ok(UploadSchema, 'The discarded preview'), ...errors(403, 409) },
    }),
    async (c) => {
      c.req.valid('param');
      const row = await actOnUpload(deps, c, 'upload', ({ tx, m, ctx, uploadID }) =>
        m.kpiUpload.discard.fn({ tx, args: { id: uploadID }, ctx }),
      );
      return c.json(row, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/uploads/{uploadId}/file',
      tags,
      ...sessionOrKey,
      summary: 'Download an upload’s original file',
      description: 'Every member. The workbook exactly as uploaded. A rollback has no file of its own (404).',
      request: { params: UploadParams },
      responses: {
        200: { description: 'The workbook', content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errors(),
      },
    }),
    async (c) => {
      const { id, uploadId } = c.req.valid('param');
      const caller = c.get('caller');
      const { upload, file } = await readInTenant(deps, caller, async (tx) => {
        const upload = await uploadOf(tx, caller.orgID, id, uploadId);
        const [file] = await tx.dbTransaction.wrappedTransaction<{ content_type: string; bytes: Buffer }[]>`
          SELECT content_type, bytes FROM kpi_upload_file WHERE upload_id = ${uploadId} AND organization_id = ${caller.orgID}`;
        return { upload, file };
      });
      if (!file) throw notFound('Upload file');
      return c.body(new Uint8Array(file.bytes), 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="${encodeURIComponent(upload.fileName ?? 'workbook.xlsx')}"`,
      });
    },
  );

  return app;
}

/** /api/uploads/example.xlsx: the example KPI workbook, for every signed-in member. */
export function uploadExampleRoutes(deps: RestDeps) {
  const app = resourceApp(deps);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/example.xlsx',
      tags,
      ...sessionOrKey,
      summary: 'Download the example KPI workbook',
      description:
        'Every member. The five category sheets with the expected columns and demo KPIs (NPS Score, CSAT, Churn Risk, ...); `mode=rollup` adds the Business unit column with two demo units.',
      request: { query: ExampleQuery },
      responses: {
        200: { description: 'The workbook', content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errors(),
      },
    }),
    async (c) => {
      const { mode } = c.req.valid('query');
      const bytes = await exampleWorkbook(mode ?? 'corporate');
      const name = mode === 'rollup' ? 'kpi-upload-example-rollup.xlsx' : 'kpi-upload-example.xlsx';
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="${name}"`,
      });
    },
  );
  return app;
}
