import type { Query } from '@rocicorp/zero';
import type { Schema } from '../../../sync/schema.ts';
import { archivableRoutes } from '../archivable-routes.ts';
import type { RestDeps } from '../context.ts';
import {
  ArchivedQuery,
  editedFields,
  LineCreateSchema,
  LineSchema,
  LineUpdateSchema,
  lineJson,
  ProductCreateSchema,
  ProductSchema,
  ProductUpdateSchema,
  productJson,
} from './schemas.ts';

/** A list's rows by `archived` ("false" by default, "true", "all"). */
function byArchived<T extends 'line' | 'product'>(rows: Query<T, Schema>, archived: 'false' | 'true' | 'all') {
  if (archived === 'all') return rows;
  // Zero's builder cannot type a filter on a generic table; both tables have archivedAt.
  const typed = rows as unknown as Query<'line', Schema>;
  return typed.where('archivedAt', archived === 'true' ? 'IS NOT' : 'IS', null) as unknown as Query<T, Schema>;
}

const EDITORS = 'Managers and above.';

/** /api/lines: the organization's lines (work centres); archiving is their soft delete. */
export function lineRoutes(deps: RestDeps) {
  return archivableRoutes(deps, {
    table: 'line',
    resource: 'line',
    tags: ['Shop floor: master data'],
    uniqueFields: true,
    schemas: { row: LineSchema, list: ArchivedQuery, create: LineCreateSchema, update: LineUpdateSchema },
    json: lineJson,
    mutators: (m) => m.line,
    list: {
      summary: 'List lines',
      description: 'By name. Unarchived ones unless `archived` says otherwise.',
      returns: 'The lines',
      rows: (lines, { archived }) => byArchived(lines, archived).orderBy('name', 'asc').orderBy('id', 'asc'),
    },
    create: {
      summary: 'Create a line',
      description: `${EDITORS} \`name\` is unique in the organization (a 409 naming it when taken).`,
      returns: 'The new line',
      args: (body, id) => ({ id, name: body.name }),
    },
    get: { summary: 'Get a line', returns: 'The line, archived or not' },
    edit: {
      summary: 'Edit a line',
      description: `${EDITORS} Send only the fields to change. \`"archived": false\` restores an archived line.`,
      returns: 'The line as it now is',
      patch: editedFields,
      archive: (body) => body.archived,
    },
    archive: {
      summary: 'Archive a line',
      description: `${EDITORS} A soft delete: jobs keep pointing at it; \`PUT {"archived": false}\` restores it.`,
      returns: 'The archived line',
    },
  });
}

/** /api/products: what the organization makes, each with its ideal cycle time. */
export function productRoutes(deps: RestDeps) {
  return archivableRoutes(deps, {
    table: 'product',
    resource: 'product',
    tags: ['Shop floor: master data'],
    uniqueFields: true,
    schemas: { row: ProductSchema, list: ArchivedQuery, create: ProductCreateSchema, update: ProductUpdateSchema },
    json: productJson,
    mutators: (m) => m.product,
    list: {
      summary: 'List products',
      description: 'By code. Unarchived ones unless `archived` says otherwise.',
      returns: 'The products',
      rows: (products, { archived }) => byArchived(products, archived).orderBy('code', 'asc').orderBy('id', 'asc'),
    },
    create: {
      summary: 'Create a product',
      description: `${EDITORS} \`code\` is unique in the organization (a 409 naming it when taken); \`idealCycleSeconds\` is the seconds one piece takes at the ideal rate, above 0.`,
      returns: 'The new product',
      args: (body, id) => ({ id, ...body }),
    },
    get: { summary: 'Get a product', returns: 'The product, archived or not' },
    edit: {
      summary: 'Edit a product',
      description: `${EDITORS} Send only the fields to change. \`"archived": false\` restores an archived product.`,
      returns: 'The product as it now is',
      patch: editedFields,
      archive: (body) => body.archived,
    },
    archive: {
      summary: 'Archive a product',
      description: `${EDITORS} A soft delete: work orders keep pointing at it; \`PUT {"archived": false}\` restores it.`,
      returns: 'The archived product',
    },
  });
}
