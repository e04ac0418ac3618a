import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Query } from '@rocicorp/zero';
import type { Context } from 'hono';
import type { Action, Resource } from '../../shared/roles.ts';
import { authorize } from '../../sync/permissions.ts';
import type { Schema, TenantTable } from '../../sync/schema.ts';
import { findOwned, type Shape, scoped } from '../../sync/tenant.ts';
import type { ServerMutators } from '../mutators/registry.ts';
import { type ArchivableMutators, type ArchivableRow, editArchivable, hasArchivedAt, type MutatorRun } from './archivable.ts';
import { mutatorContext, type RestDeps, type RestEnv } from './context.ts';
import type { ResourceDeps } from './issues.ts';
import { described, type ErrorStatus, errors, IdParams, jsonBody, ok, type RouteText, sessionOrKey } from './openapi.ts';
import { writeOwned } from './owned.ts';
import { resourceApp } from './resource-app.ts';
import { readInTenant } from './tenant.ts';

/** The matrix actions a soft delete may be: archiving (KPIs, goals) or deactivating (accounts). */
type SoftDeleteAction = 'archive' | 'deactivate';

/** The matrix resources a role may both update and soft-delete. */
type ArchivableResource = {
  [R in Resource]: 'update' extends Action<R>
    ? 'archive' extends Action<R>
      ? R
      : 'deactivate' extends Action<R>
        ? R
        : never
    : never;
}[Resource];

/** The OpenAPI schemas of a resource: its JSON, the list's query, the create and update bodies. */
type ArchivableSchemas = { row: z.ZodType; list: z.ZodObject; create: z.ZodType; update: z.ZodType };

/**
 * What one soft-deletable resource brings to archivableRoutes: its table and
 * matrix resource, its schemas and OpenAPI words, and the mappings between
 * its REST fields, its rows and its mutators' arguments. T is the table, Row
 * a row as the routes read it (with `shape`), S the schemas, CreateArgs and
 * Patch the create and update mutators' arguments.
 */
export interface ArchivableSpec<T extends TenantTable, Row, S extends ArchivableSchemas, CreateArgs, Patch> {
  table: T;
  /** Whose 'update' and soft-delete rights PUT and DELETE check, before looking the row up. */
  resource: ArchivableResource;
  /**
   * How the resource soft-deletes when not by archivedAt and the 'archive'
   * action: accounts are 'inactive' by status, under the 'deactivate' action.
   */
  softDelete?: { action: SoftDeleteAction; archived: (row: Row) => boolean };
  tags: string[];
  /** A field is unique in the organization (a name, a code): creating or editing may answer 409. */
  uniqueFields?: true;
  schemas: S;
  /** Related rows every route reads along (goals' KPI links); without it a row is the table's row. */
  shape?: Shape<T, Row>;
  json: (row: Row) => z.output<S['row']>;
  /** The resource's mutator group, `(m) => m.goal`. */
  mutators: (m: ServerMutators) => ArchivableMutators<Patch> & { create: MutatorRun<CreateArgs> };
  /** GET /: `rows` narrows the organization's rows by the query and orders them. */
  list: RouteText & { rows: (all: Query<T, Schema, Row>, query: z.output<S['list']>) => Query<T, Schema, Row> };
  /** POST /: the create mutator's arguments for the body, under the new id. */
  create: RouteText & { args: (body: z.output<S['create']>, id: string) => CreateArgs };
  get: RouteText;
  /** PUT /{id}: the fields to change, and true to archive, false to restore, undefined to leave as is. */
  edit: RouteText & {
    patch: (body: z.output<S['update']>) => Patch;
    archive: (body: z.output<S['update']>) => boolean | undefined;
  };
  /** DELETE /{id}: a soft delete. */
  archive: RouteText;
}

/**
 * The request's `target` as the route's validator passed it, as type T: the
 * output of the schema the route declares for it. Hono derives this type from
 * the route, but cannot while the schema is still a type parameter, as here.
 */
function valid<T>(c: Context, target: 'json' | 'query' | 'param'): T {
  return c.req.valid(target as never) as T;
}

/**
 * A soft-deletable resource's sub-app (resourceApp) with the routes every
 * such resource has, in this order: GET / (list), POST / (create), GET /{id},
 * PUT /{id} (edit, archive, restore) and DELETE /{id} (archive). What they
 * share is decided here once: a write checks the caller's role before the
 * row's existence, so a refusal reveals nothing; restore runs first and
 * archive last (editArchivable); a response shows the row as the write left
 * it (writeOwned). `deps` carries the resource's REST field names.
 */
export function archivableRoutes<
  T extends TenantTable,
  Row extends ArchivableRow,
  S extends ArchivableSchemas,
  CreateArgs,
  Patch extends object,
>(deps: ResourceDeps<RestDeps>, spec: ArchivableSpec<T, Row, S, CreateArgs, Patch>) {
  const { table, resource, tags, schemas, shape, json } = spec;
  const conflicts: ErrorStatus[] = spec.uniqueFields ? [409] : [];
  const softDelete: NonNullable<typeof spec.softDelete> = spec.softDelete ?? { action: 'archive', archived: hasArchivedAt };
  const owned = (id: string) => ({ table, id, shape });
  /** What each route says besides its method, path, request and responses. */
  const about = (text: RouteText) => ({ tags, ...described(text), ...sessionOrKey });
  const rowId = (c: Context) => valid<z.output<typeof IdParams>>(c, 'param').id;

  /** A route on one row, /{id}, answering 200 with the row; `body` for a write that takes one. */
  const rowRoute = <M extends 'get' | 'put' | 'delete'>(
    method: M,
    text: RouteText,
    body?: ReturnType<typeof jsonBody>,
    ...extra: ErrorStatus[]
  ) =>
    createRoute({
      method,
      path: '/{id}',
      ...about(text),
      request: { params: IdParams, ...(body && { body }) },
      responses: { 200: ok(schemas.row, text.returns), ...errors(...extra) },
    });

  /**
   * An edit of row `id` that `action` allows: the role is checked before the
   * row is looked up, so a refusal reveals nothing about what exists.
   */
  const edit = (
    c: Context<RestEnv>,
    id: string,
    action: 'update' | SoftDeleteAction,
    patch: Patch | undefined,
    archive: boolean | undefined,
  ) =>
    writeOwned(deps, c, owned(id), async ({ tx, m, caller, ctx }) => {
      // ArchivableResource guarantees the resource has the action; a union of resources cannot say which.
      await authorize(tx, ctx, resource, action as Action<typeof resource>);
      const current = await findOwned(tx, table, caller.orgID, id, shape);
      await editArchivable(tx, ctx, spec.mutators(m), current, patch, archive, softDelete.archived(current));
    });

  const app = resourceApp(deps);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      ...about(spec.list),
      request: { query: schemas.list },
      responses: { 200: ok(z.array(schemas.row), spec.list.returns), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const query = valid<z.output<S['list']>>(c, 'query');
      const all = scoped(table, caller.orgID, mutatorContext(caller));
      // Without a shape a row is the table's own row.
      const shaped = shape ? shape(all) : (all as unknown as Query<T, Schema, Row>);
      // Zero types a result by whether its query is for one row, which it cannot tell while Row is generic; a list is rows.
      const rows = (await readInTenant(deps, caller, (tx) => tx.run(spec.list.rows(shaped, query)))) as unknown as Row[];
      return c.json(rows.map(json), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      ...about(spec.create),
      request: { body: jsonBody(schemas.create) },
      responses: { 201: ok(schemas.row, spec.create.returns), ...errors(403, 415, ...conflicts) },
    }),
    async (c) => {
      const id = randomUUID();
      const args = spec.create.args(valid<z.output<S['create']>>(c, 'json'), id);
      const row = await writeOwned(deps, c, owned(id), ({ tx, m, ctx }) => spec.mutators(m).create.fn({ tx, args, ctx }));
      return c.json(json(row), 201);
    },
  );

  app.openapi(rowRoute('get', spec.get), async (c) => {
    const caller = c.get('caller');
    const id = rowId(c);
    const row = await readInTenant(deps, caller, (tx) => findOwned(tx, table, caller.orgID, id, shape));
    return c.json(json(row), 200);
  });

  app.openapi(rowRoute('put', spec.edit, jsonBody(schemas.update), 403, 415, ...conflicts), async (c) => {
    const id = rowId(c);
    const body = valid<z.output<S['update']>>(c, 'json');
    const row = await edit(c, id, 'update', spec.edit.patch(body), spec.edit.archive(body));
    return c.json(json(row), 200);
  });

  app.openapi(rowRoute('delete', spec.archive, undefined, 403), async (c) => {
    const id = rowId(c);
    return c.json(json(await edit(c, id, softDelete.action, undefined, true)), 200);
  });

  return app;
}
