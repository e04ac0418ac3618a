import { z } from '@hono/zod-openapi';
import { HEALTH_CATEGORIES } from '../../../shared/customer-success/categories.ts';
import { UPLOAD_MODES } from '../../../shared/customer-success/uploads/layout.ts';
import { BAND_NAMES } from '../../../shared/health/ranges.ts';
import { FREQUENCIES } from '../../../shared/kpi.ts';
import { ID_MAX_LENGTH } from '../../../shared/validation.ts';
import type { KpiUpload } from '../../../sync/schema.ts';
import { iso } from '../json.ts';

const Category = z.enum(HEALTH_CATEGORIES);
const Mode = z.enum(UPLOAD_MODES).openapi({
  description:
    '`corporate` (default): each row is one of the account’s KPIs. `rollup`: a seventh column “Business unit”; a KPI’s rows (one per unit) are rolled up into its account value as their mean weighted by each row’s Weight (all 0: the plain mean), and the KPI’s weight is the mean of the rows’ weights.',
});

export const UploadParams = z.object({
  id: z
    .string()
    .min(1)
    .max(ID_MAX_LENGTH)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'The account' }),
  uploadId: z
    .string()
    .min(1)
    .max(ID_MAX_LENGTH)
    .openapi({ param: { name: 'uploadId', in: 'path' }, description: 'The upload (preview or version)' }),
});

export const PreviewForm = z
  .object({
    file: z
      .any()
      .openapi({ type: 'string', format: 'binary', description: 'The .xlsx workbook, at most 1 MB and 2000 KPI rows' }),
    mode: Mode.optional(),
  })
  .openapi('UploadPreviewForm');

export const ExampleQuery = z.object({
  mode: Mode.optional().openapi({ param: { name: 'mode', in: 'query' } }),
});

const Issue = z
  .object({
    sheet: z.string().nullable().openapi({ example: 'Support & Experience' }),
    row: z
      .number()
      .int()
      .nullable()
      .openapi({ example: 4, description: '1-based, as Excel numbers rows; null: the whole sheet or file' }),
    column: z.string().nullable().openapi({ example: 'B', description: 'The column letter; null: the whole row, sheet or file' }),
    message: z.string().openapi({ example: 'Data must be a number: “n/a” is not a number' }),
  })
  .openapi('UploadIssue');

const Row = z
  .object({
    sheet: z.string(),
    row: z.number().int(),
    category: Category,
    name: z.string(),
    value: z.number(),
    weight: z.number(),
    impact: z.enum(['High', 'Medium', 'Low']).nullable(),
    frequency: z.enum(FREQUENCIES),
    sourceReview: z.string(),
    businessUnit: z.string().nullable(),
  })
  .openapi('UploadRow');

const Value = z
  .object({ name: z.string(), category: Category, value: z.number(), weight: z.number(), frequency: z.enum(FREQUENCIES) })
  .openapi('UploadKpiValue');

const Band = z.enum(BAND_NAMES);
const Diff = z
  .object({
    added: z.array(z.object({ name: z.string(), category: Category, value: z.number() })),
    changed: z.array(z.object({ name: z.string(), category: Category, before: z.number(), after: z.number() })),
    removed: z.array(z.object({ name: z.string(), category: Category, value: z.number() })).openapi({
      description: 'In the latest version but not in this workbook: confirming leaves them as they are',
    }),
    unchanged: z.number().int(),
    bandMoves: z.array(z.object({ name: z.string(), from: Band, to: Band })).openapi({
      description: 'Changed values whose health band (the organization’s reference range for the KPI name) would move',
    }),
  })
  .openapi('UploadDiff');

export const PreviewSchema = z
  .object({
    uploadId: z
      .string()
      .nullable()
      .openapi({ description: 'The preview to confirm; null when the workbook has errors (nothing was stored)' }),
    mode: Mode,
    fileName: z.string(),
    rows: z.array(Row),
    values: z.array(Value).openapi({ description: 'What confirming writes: one value per KPI' }),
    errors: z.array(Issue),
    diff: Diff.nullable().openapi({ description: 'Against the account’s latest version; null when there are errors' }),
    expiresAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('UploadPreview');

export const UploadSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    kind: z.enum(['upload', 'rollback']),
    status: z.enum(['preview', 'confirmed', 'discarded']),
    mode: Mode,
    version: z.number().int().nullable(),
    rolledBackFrom: z.number().int().nullable().openapi({ description: 'A rollback: the version whose values it restored' }),
    fileName: z.string().nullable(),
    fileSize: z.number().int(),
    rowCount: z.number().int(),
    kpiCount: z.number().int(),
    addedCount: z.number().int(),
    changedCount: z.number().int(),
    removedCount: z.number().int(),
    bandMovesCount: z.number().int(),
    values: z.array(Value),
    createdBy: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    expiresAt: z.string().openapi({ format: 'date-time' }),
    confirmedBy: z.string().nullable(),
    confirmedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('KpiUpload');

export const EmptyBody = z.object({}).openapi('UploadActionBody', { description: 'No fields; an empty object or no body' });

export function uploadJson(u: KpiUpload): z.infer<typeof UploadSchema> {
  return {
    id: u.id,
    accountId: u.accountID,
    kind: u.kind,
    status: u.status,
    mode: u.mode,
    version: u.version ?? null,
    rolledBackFrom: u.rolledBackFrom ?? null,
    fileName: u.fileName ?? null,
    fileSize: u.fileSize,
    rowCount: u.rowCount,
    kpiCount: u.kpiCount,
    addedCount: u.addedCount,
    changedCount: u.changedCount,
    removedCount: u.removedCount,
    bandMovesCount: u.bandMovesCount,
    values: [...u.kpiValues],
    createdBy: u.createdBy ?? null,
    createdAt: iso(u.createdAt),
    expiresAt: iso(u.expiresAt),
    confirmedBy: u.confirmedBy ?? null,
    confirmedAt: u.confirmedAt ? iso(u.confirmedAt) : null,
  };
}
