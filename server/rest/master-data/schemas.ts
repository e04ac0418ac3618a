import { z } from '@hono/zod-openapi';
import { CODE_MAX, CYCLE_SECONDS_MAX, MASTER_NAME_MAX } from '../../../shared/shop-floor/master-data.ts';
import type { Line, Product } from '../../../sync/schema.ts';
import { definedOnly, iso } from '../json.ts';

/**
 * Shop-floor master data as REST shows it: lines and products. Request
 * schemas check shape only; the rules (lengths, the cycle time above 0, a
 * name or code free in the organization) are
 * shared/shop-floor/master-data.ts', applied by the mutators, and documented
 * here with the same limits. Their REST field names are the mutators' own,
 * so they need no field-name map.
 */

const times = {
  archived: z.boolean().openapi({ description: 'Archived rows stay (work orders point at them) and can be restored' }),
  createdAt: z.string().openapi({ format: 'date-time' }),
  updatedAt: z.string().openapi({ format: 'date-time' }),
};
const archivedField = z
  .boolean({ error: 'archived must be true or false' })
  .optional()
  .openapi({ description: '`true` archives, `false` restores' });

const name = z
  .string({ error: 'name must be text' })
  .openapi({ minLength: 1, maxLength: MASTER_NAME_MAX, description: 'Unique in the organization' });
const code = z
  .string({ error: 'code must be text' })
  .openapi({ minLength: 1, maxLength: CODE_MAX, example: 'WID-100', description: 'Unique in the organization' });
const idealCycleSeconds = z.number({ error: 'idealCycleSeconds must be a number of seconds' }).openapi({
  exclusiveMinimum: 0,
  maximum: CYCLE_SECONDS_MAX,
  example: 12,
  description: 'Seconds per piece at the ideal rate',
});

export const LineSchema = z.object({ id: z.string(), name: z.string(), ...times }).openapi('Line');
export const LineCreateSchema = z.object({ name: name.openapi({ example: 'Assembly line' }) }).openapi('LineCreate');
export const LineUpdateSchema = z.object({ name: name.optional(), archived: archivedField }).openapi('LineUpdate');

export const ProductSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    idealCycleSeconds: z
      .number()
      .nullable()
      .openapi({ description: 'Null only for products made outside the API and the app (inferred by the KPIs)' }),
    ...times,
  })
  .openapi('Product');
export const ProductCreateSchema = z
  .object({ code, name: name.openapi({ example: 'Widget, small' }), idealCycleSeconds })
  .openapi('ProductCreate');
export const ProductUpdateSchema = z
  .object({
    code: code.optional(),
    name: name.optional(),
    idealCycleSeconds: idealCycleSeconds.optional(),
    archived: archivedField,
  })
  .openapi('ProductUpdate');

/** `archived` in a list's query: unarchived rows by default. */
export const ArchivedQuery = z.object({
  archived: z
    .enum(['false', 'true', 'all'], { error: 'archived must be "false", "true" or "all"' })
    .default('false')
    .openapi({ param: { name: 'archived', in: 'query' } }),
});

/** The fields of an edit, without `archived` (that one archives or restores); absent fields stay absent. */
export const editedFields = <B extends { archived?: boolean | undefined }>({ archived: _archived, ...fields }: B) =>
  definedOnly(fields);

const common = (r: Line | Product) => ({
  id: r.id,
  archived: r.archivedAt !== null && r.archivedAt !== undefined,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const lineJson = (l: Line): z.infer<typeof LineSchema> => ({ ...common(l), name: l.name });

export const productJson = (p: Product): z.infer<typeof ProductSchema> => ({
  ...common(p),
  code: p.code,
  name: p.name,
  idealCycleSeconds: p.idealCycleSeconds ?? null,
});
