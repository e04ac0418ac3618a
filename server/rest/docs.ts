import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';

const DESCRIPTION = `The Live KPI REST API, for scripts and external clients. It runs the same
validation, permission checks and audit trail as the web app, and every write shows up live on open dashboards.

**Authentication**: the session cookie of a signed-in person, or an API key made by an owner or admin
(\`Authorization: Bearer lk_...\` or \`X-API-Key: lk_...\`). A key acts as its creator, capped at the key's role.
With a session, \`X-Organization-Id\` picks the organization (default: the active one).

**Errors** all have one shape: \`{"error": {"code", "message", "details": [{"loc", "msg", "type"}], "timestamp", "request_id", "path"}}\`.
Anything outside your organization answers 404, exactly as if it did not exist.`;

/**
 * The reference page is Swagger UI, served from the swagger-ui-dist package
 * (no CDN: offline installs have none). Only these two files are exposed.
 */
const ASSETS: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};
const assetCache = new Map<string, Promise<Buffer>>();
function asset(name: string): Promise<Buffer> {
  let file = assetCache.get(name);
  if (!file) {
    const dir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    file = readFile(path.join(dir, name));
    assetCache.set(name, file);
  }
  return file;
}

function page(base: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Live KPI API</title>
<link rel="stylesheet" href="${base}/docs/swagger-ui.css">
</head>
<body>
<main id="reference" aria-label="Live KPI API reference"></main>
<script src="${base}/docs/swagger-ui-bundle.js"></script>
<script>
  // validatorUrl: null keeps the page from calling Swagger's online validator.
  window.ui = SwaggerUIBundle({ url: '${base}/openapi.json', dom_id: '#reference', deepLinking: true, validatorUrl: null });
</script>
</body>
</html>`;
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
      { name: 'Accounts', description: 'Customer accounts, each looked after by a member (the CSM)' },
    ],
  });

  api.get('/docs/:asset{swagger-ui-bundle\\.js|swagger-ui\\.css}', async (c) => {
    const name = c.req.param('asset');
    const type = ASSETS[name];
    if (!type) return c.notFound();
    return c.body(new Uint8Array(await asset(name)), 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' });
  });

  api.get('/docs', (c) => c.html(page(base)));
}
