import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { API_KEY_ROLES, type ApiKeyRole } from '../../../shared/platform/api-key-roles.ts';
import { authorize } from '../../../sync/permissions.ts';
import type { ApiKey } from '../../../sync/schema.ts';
import { findOwned, scoped } from '../../../sync/tenant.ts';
import { mutatorContext, type RestDeps } from '../context.ts';
import { iso } from '../json.ts';
import { errors, IdParams, jsonBody, ok, sessionOnly } from '../openapi.ts';
import { writeOwned } from '../owned.ts';
import { resourceApp } from '../resource-app.ts';
import { readInTenant } from '../tenant.ts';
import { API_KEY_PREFIX, newApiKey } from './secrets.ts';

const tags = ['API keys'];

const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(API_KEY_ROLES),
    prefix: z.string().openapi({ description: 'The first characters of the key, to tell keys apart', example: 'lk_Q2x9fT0' }),
    createdBy: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    lastUsedAt: z.string().nullable().openapi({ format: 'date-time', description: 'Updated at most once a minute' }),
    revokedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('ApiKey');

const NewApiKeySchema = ApiKeySchema.extend({
  key: z
    .string()
    .openapi({ description: 'The secret key. Shown this once; only its hash is kept.', example: `${API_KEY_PREFIX}...` }),
}).openapi('NewApiKey');

const ApiKeyCreateSchema = z
  .object({
    name: z
      .string({ error: 'Name is required' })
      .trim()
      .min(1, 'Name is required')
      .max(100, 'Name must be at most 100 characters')
      .openapi({ example: 'Nightly import' }),
    role: z.enum(API_KEY_ROLES, { error: `Role must be one of ${API_KEY_ROLES.join(', ')}` }),
  })
  .openapi('ApiKeyCreate');

function apiKeyJson(k: ApiKey): z.infer<typeof ApiKeySchema> {
  return {
    id: k.id,
    name: k.name,
    role: k.role as ApiKeyRole,
    prefix: k.prefix,
    createdBy: k.createdBy ?? null,
    createdAt: iso(k.createdAt),
    lastUsedAt: k.lastUsedAt ? iso(k.lastUsedAt) : null,
    revokedAt: k.revokedAt ? iso(k.revokedAt) : null,
  };
}

/** /api/api-keys: owners and admins, signed in (a key cannot manage keys). */
export function apiKeyRoutes(deps: RestDeps) {
  const app = resourceApp(deps, { sessionOnly: true });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create an API key',
      description: 'Owners and admins. The key acts as you, with at most `role`; it stops working if you leave the organization.',
      ...sessionOnly,
      request: { body: jsonBody(ApiKeyCreateSchema) },
      responses: { 201: ok(NewApiKeySchema, 'The new key, with its secret shown this once'), ...errors(403, 415) },
    }),
    async (c) => {
      const { name, role } = c.req.valid('json');
      const id = randomUUID();
      const { key, prefix, hash } = newApiKey();
      const row = await writeOwned(deps, c, { table: 'apiKey', id }, async ({ tx, caller, ctx }) => {
        await authorize(tx, ctx, 'apiKey', 'manage');
        // The secret hash is not in the Zero schema (it never syncs), so this insert is SQL.
        await tx.dbTransaction.wrappedTransaction`
          INSERT INTO api_key (id, organization_id, name, prefix, secret_hash, role, created_by, created_at)
          VALUES (${id}, ${caller.orgID}, ${name}, ${prefix}, ${hash}, ${role}, ${caller.userID}, now())`;
      });
      return c.json({ ...apiKeyJson(row), key }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'List API keys',
      description: 'Owners and admins. Newest first, revoked ones included; never the secrets.',
      ...sessionOnly,
      responses: { 200: ok(z.array(ApiKeySchema), 'The organization’s keys'), ...errors(403) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const rows = await readInTenant(deps, caller, async (tx) => {
        await authorize(tx, mutatorContext(caller), 'apiKey', 'read');
        return tx.run(scoped('apiKey', caller.orgID, mutatorContext(caller)).orderBy('createdAt', 'desc').orderBy('id', 'desc'));
      });
      return c.json(rows.map(apiKeyJson), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Revoke an API key',
      description: 'Owners and admins. The key stops working at once; revoking it again changes nothing.',
      ...sessionOnly,
      request: { params: IdParams },
      responses: { 200: ok(ApiKeySchema, 'The revoked key'), ...errors(403) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await writeOwned(deps, c, { table: 'apiKey', id }, async ({ tx, caller, ctx }) => {
        await authorize(tx, ctx, 'apiKey', 'manage');
        // Revoking again keeps the first revocation time.
        const found = await findOwned(tx, 'apiKey', caller.orgID, id);
        if (!found.revokedAt) await tx.mutate.apiKey.update({ id, revokedAt: Date.now() });
      });
      return c.json(apiKeyJson(row), 200);
    },
  );

  return app;
}
