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

/**
 * What every master data resource's routes share: the tag, the 409 for a
 * taken name or code, and the words and mapping of GET, PUT and DELETE on
 * one row. `noun` names the row ("line"); `users`, what keeps pointing at it
 * once archived.
 */
function sharedRoutes(noun: string, users: string) {
  return {
    tags: ['Shop floor: master data'],
    uniqueFields: true as const,
    get: { summary: `Get a ${noun}`, returns: `The ${noun}, archived or not` },
    edit: {
      summary: `Edit a ${noun}`,
      description: `${EDITORS} Send only the fields to change. \`"archived": false\` restores an archived ${noun}.`,
      returns: `The ${noun} as it now is`,
      patch: editedFields,
      archive: (body: { archived?: boolean | undefined }) => body.archived,
    },
    archive: {
      summary: `Archive a ${noun}`,
      description: `${EDITORS} A soft delete: ${users} keep pointing at it; \`PUT {"archived": false}\` restores it.`,
      returns: `The archived ${noun}`,
    },
  };
}

/** /api/lines: the organization's lines (work centres); archiving is their soft delete. */
export function lineRoutes(deps: RestDeps) {
  return archivableRoutes(deps, {
    ...sharedRoutes('line', 'jobs'),
    table: 'line',
    resource: 'line',
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
  });
}

/** /api/products: what the organization makes, each with its ideal cycle time. */
export function productRoutes(deps: RestDeps) {
  return archivableRoutes(deps, {
    ...sharedRoutes('product', 'work orders'),
    table: 'product',
    resource: 'product',
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
  });
}
