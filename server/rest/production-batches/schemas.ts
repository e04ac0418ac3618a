import { z } from '@hono/zod-openapi';
import { BATCH_STATUSES, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from '../../../shared/shop-floor/batches.ts';
import { ERRORS_SHOWN } from '../../shop-floor/batches/stage.ts';

/**
 * CSV production batches as REST shows them (the contract: the upload
 * answers {batchId, total, valid, invalid, errors: [{row, field, message}]},
 * the status {status, processed, total}).
 */
const RowErrorSchema = z
  .object({
    row: z.number().int().openapi({ description: 'The data row, from 1 (the header not counted)', example: 7 }),
    field: z.string().openapi({ description: 'The column (or `row` for the row as a whole)', example: 'units_defective' }),
    message: z.string().openapi({ example: 'Units defective (12) cannot be more than units produced (10)' }),
  })
  .openapi('BatchRowError');

export const BatchUploadSchema = z
  .object({
    batchId: z.string(),
    total: z.number().int().openapi({ description: 'Data rows in the file' }),
    valid: z.number().int(),
    invalid: z.number().int().openapi({ description: 'Rows with at least one error (none of them is imported)' }),
    errors: z.array(RowErrorSchema).openapi({
      description: `The first ${ERRORS_SHOWN} errors; every one is in GET /api/production/batch/{id}/errors.csv`,
    }),
  })
  .openapi('BatchUpload');

export const BatchStatusSchema = z
  .object({
    status: z.enum(BATCH_STATUSES),
    processed: z.number().int().openapi({ description: 'Valid rows the import has dealt with so far' }),
    total: z.number().int().openapi({ description: 'Valid rows the import deals with (the rows that will be processed)' }),
    rejected: z.number().int().openapi({ description: 'Rows refused at import time (their work order closed since the upload)' }),
    failure: z.string().nullable().openapi({ description: 'Why the import stopped (FAILED only)' }),
  })
  .openapi('BatchStatus');

const columns = `Columns, in any order: ${REQUIRED_COLUMNS.join(', ')} (required) and ${OPTIONAL_COLUMNS.join(', ')} (optional).`;

/** The upload's body, described for the document (the route streams it itself, so no schema validates it). */
export const uploadBody = {
  required: true,
  description: `A CSV in UTF-8 with a header row. ${columns} \`work_order_id\` is the work order’s number; \`line\` and \`shift\` are names, \`product\` a code; \`shift_date\` is YYYY-MM-DD.`,
  content: {
    'text/csv': {
      schema: { type: 'string' as const },
      example:
        'work_order_id,shift_date,units_produced,run_time_hours,employees_assigned,shift,units_defective\nWO-1001,2026-12-02,480,7.5,4,Early,6\n',
    },
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        required: ['file'],
        properties: { file: { type: 'string' as const, format: 'binary', description: 'The CSV file' } },
      },
    },
  },
};
