import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import type { Env } from 'hono';

const DESCRIPTION = `The Live KPI REST API, for scripts and external clients. It runs the same
validation, permission checks and audit trail as the web app, and every write shows up live on open dashboards.

**Authentication**: the session cookie of a signed-in person, or an API key made by an owner or admin
(\`Authorization: Bearer lk_...\` or \`X-API-Key: lk_...\`). A key acts as its creator, capped at the key's role.
With a session, \`X-Organization-Id\` picks the organization (default: the active one).

**Errors** all have one shape: \`{"error": {"code", "message", "details": [{"loc", "msg", "type"}], "timestamp", "request_id", "path"}}\`.
Anything outside your organization answers 404, exactly as if it did not exist.`;

/**
 * Scalar's reference page normally loads its script from a CDN; offline
 * installs have none, so the standalone bundle is served from node_modules.
 */
let bundle: Promise<Buffer> | undefined;
function scalarBundle(): Promise<Buffer> {
  const entry = createRequire(import.meta.url).resolve('@scalar/api-reference'); // .../dist/index.js
  bundle ??= readFile(path.join(path.dirname(entry), 'browser', 'standalone.js'));
  return bundle;
}

/** GET {base}/openapi.json (OpenAPI 3.1) and the browsable reference at {base}/docs. */
export function serveDocs<E extends Env>(api: OpenAPIHono<E>, base: string): void {
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Live KPI API', version: '1.0.0', description: DESCRIPTION },
    tags: [
      { name: 'KPIs', description: 'Key performance indicators: a target, a unit and a current value' },
      { name: 'Records', description: 'A KPI’s data points; the latest sets its current value' },
      { name: 'Insights', description: 'Trends and summaries generated from a KPI’s records' },
      { name: 'Goals', description: 'Weighted sets of KPIs with a target date' },
      { name: 'API keys', description: 'Keys for scripts, made by owners and admins' },
    ],
  });

  api.get('/docs/scalar.js', async (c) => {
    return c.body(new Uint8Array(await scalarBundle()), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    });
  });

  api.get(
    '/docs',
    Scalar({
      url: `${base}/openapi.json`,
      cdn: `${base}/docs/scalar.js`,
      pageTitle: 'Live KPI API',
      // Nothing leaves the install: no web fonts, telemetry, proxy, hosted agent or MCP,
      // and none of Scalar's links to its hosted services.
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never',
    }),
  );
}
