import { describe, expect, test } from 'vitest';
import { type RestDeps, restRoutes } from '../../server/rest/index.ts';
import { WIDGET_TYPE_NAMES } from '../../shared/dashboards/registry.ts';
import { api, baseUrl } from '../helpers/people.ts';

/**
 * A served path as the document writes it: ":id" is "{id}", and a parameter
 * whose pattern ends in a file extension (":report{[^/]+\\.pdf}") is "{report}.pdf".
 */
const documentedPath = (path: string) => path.replace(/:(\w+)\{\[\^\/\]\+\\\.(\w+)\}/g, '{$1}.$2').replace(/:(\w+)/g, '{$1}');

/** Every route the REST app serves, as "METHOD /path/{param}" (middleware and the docs themselves left out). */
function servedOperations(): string[] {
  const app = restRoutes({} as RestDeps);
  // Each handler of a route (validators, then the handler) is an entry of its own.
  const operations = app.routes
    .filter((r) => r.method !== 'ALL' && !/\/(openapi\.json|docs)/.test(r.path))
    .map((r) => `${r.method} ${documentedPath(r.path)}`);
  return [...new Set(operations)].sort();
}

const FILE_BODIES: Record<string, string> = {
  'post /api/accounts/{id}/uploads': 'multipart/form-data',
  'post /api/production/batch': 'text/csv',
};

const IMPLEMENTED = [
  'GET /api/kpis',
  'POST /api/kpis',
  'GET /api/kpis/{id}',
  'PUT /api/kpis/{id}',
  'DELETE /api/kpis/{id}',
  'GET /api/kpis/{id}/records',
  'POST /api/kpis/{id}/records',
  'GET /api/kpis/{id}/insights',
  'GET /api/goals',
  'POST /api/goals',
  'GET /api/goals/{id}',
  'PUT /api/goals/{id}',
  'DELETE /api/goals/{id}',
  'GET /api/api-keys',
  'POST /api/api-keys',
  'DELETE /api/api-keys/{id}',
  'GET /api/dashboards',
  'POST /api/dashboards',
  'GET /api/dashboards/{id}',
  'PUT /api/dashboards/{id}',
  'DELETE /api/dashboards/{id}',
  'POST /api/dashboards/{id}/share',
  'DELETE /api/dashboards/{id}/share',
  'POST /api/health/calculate',
  'GET /api/reference-ranges/{kpiName}',
  'PUT /api/reference-ranges/{kpiName}',
  'GET /api/category-weights',
  'PUT /api/category-weights',
  'GET /api/playbook-triggers/{playbookId}',
  'PUT /api/playbook-triggers/{playbookId}',
  'GET /api/accounts',
  'POST /api/accounts',
  'GET /api/accounts/{id}',
  'PUT /api/accounts/{id}',
  'DELETE /api/accounts/{id}',
  'GET /api/accounts/{id}/health',
  'GET /api/accounts/{id}/health/trend',
  'POST /api/health/rescore',
  'GET /api/health/rescore/{id}',
  'GET /api/accounts/{id}/uploads',
  'POST /api/accounts/{id}/uploads',
  'POST /api/accounts/{id}/uploads/{uploadId}/confirm',
  'POST /api/accounts/{id}/uploads/{uploadId}/rollback',
  'DELETE /api/accounts/{id}/uploads/{uploadId}',
  'GET /api/accounts/{id}/uploads/{uploadId}/file',
  'GET /api/uploads/example.xlsx',
  'GET /api/accounts/{id}/playbook-executions',
  'POST /api/accounts/{id}/playbook-executions',
  'PATCH /api/playbook-executions/{id}/steps/{stepId}',
  'GET /api/playbook-executions/{id}/report',
  'POST /api/kpi/calculate',
  'GET /api/kpi/all',
  'GET /api/kpi/{name}',
  'POST /api/kpi/recompute',
  'GET /api/kpi/recompute/{id}',
  'GET /api/work-orders',
  'POST /api/work-orders',
  'GET /api/work-orders/{id}',
  'POST /api/work-orders/{id}/transitions',
  'GET /api/lines',
  'POST /api/lines',
  'GET /api/lines/{id}',
  'PUT /api/lines/{id}',
  'DELETE /api/lines/{id}',
  'GET /api/products',
  'POST /api/products',
  'GET /api/products/{id}',
  'PUT /api/products/{id}',
  'DELETE /api/products/{id}',
  'GET /api/production/entries',
  'POST /api/production/entries',
  'POST /api/production/batch',
  'POST /api/production/batch/{id}/confirm',
  'GET /api/production/batch/{id}/status',
  'GET /api/production/batch/{id}/errors.csv',
  'POST /api/reports/email/schedule',
  'GET /api/reports/email/schedule',
  'DELETE /api/reports/email/schedule/{id}',
  'POST /api/reports/email/schedule/{id}/run',
  'GET /api/chat/threads',
  'POST /api/chat/threads',
  'PATCH /api/chat/threads/{id}',
  'GET /api/chat/threads/{id}/messages',
  'POST /api/chat/threads/{id}/messages',
  'GET /api/reports/{report}.pdf',
  'GET /api/reports/{report}.xlsx',
].sort();

type Operation = {
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};

describe('OpenAPI document and reference page', () => {
  test('GET /api/openapi.json is OpenAPI 3.1 and documents every served path and method', async () => {
    expect(servedOperations()).toEqual(IMPLEMENTED);
    const res = await api(null, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, Record<string, string>> };
    };
    expect(doc.openapi).toMatch(/^3\.1\./);
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(IMPLEMENTED);

    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(op.security?.length, where).toBeGreaterThan(0);
        expect(
          op.parameters?.map((p) => p.name),
          where,
        ).toContain('X-Organization-Id');
        if (path.includes('{id}'))
          expect(
            op.parameters?.some((p) => p.name === 'id' && p.in === 'path'),
            where,
          ).toBe(true);
        // File uploads take multipart/form-data (a CSV batch also its plain text/csv body);
        // a batch's confirm and a schedule's "send now" take no body; every other write takes JSON.
        const body = FILE_BODIES[where] ?? 'application/json';
        const bodiless = ['post /api/production/batch/{id}/confirm', 'post /api/reports/email/schedule/{id}/run'].includes(where);
        if ((method === 'post' || method === 'put') && !bodiless) expect(op.requestBody?.content[body], where).toBeDefined();
        const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
        expect(success, where).toHaveLength(1);
        for (const status of ['400', '401', '404', '500']) {
          expect(op.responses[status]?.content?.['application/json']?.schema.$ref, `${where} ${status}`).toBe(
            '#/components/schemas/Error',
          );
        }
      }
    }
    expect(Object.keys(doc.paths['/api/kpis/{id}/records']!.post!.responses)).toEqual(
      expect.arrayContaining(['201', '403', '409', '413']),
    );
    // Shop floor: a taken number, name or code is a 409; the bodies come with examples.
    for (const path of ['/api/work-orders', '/api/lines', '/api/products']) {
      expect(Object.keys(doc.paths[path]!.post!.responses), path).toEqual(expect.arrayContaining(['201', '403', '409']));
    }
    expect(doc.components.schemas.WorkOrderCreate).toMatchObject({ example: { number: 'WO-2001', product: 'WID-100' } });
    expect(doc.components.schemas.WorkOrderTransitionCreate).toMatchObject({ example: { to: 'ON_HOLD' } });
    expect(doc.components.schemas.ProductionEntryCreate).toMatchObject({
      example: { workOrder: 'WO-1001', shiftDate: '2026-12-02', unitsProduced: 480 },
    });
    expect(
      doc.paths['/api/production/entries']!.get!.parameters?.map((p) => p.name),
      'GET /api/production/entries',
    ).toEqual(expect.arrayContaining(['workOrder', 'line', 'from', 'to', 'limit', 'cursor']));
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(doc.components.securitySchemes.bearerApiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.headerApiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        ...['Error', 'Kpi', 'KpiCreate', 'KpiUpdate', 'Record', 'Insight', 'Goal', 'ApiKey', 'NewApiKey'],
        ...['WorkOrder', 'WorkOrderSummary', 'WorkOrderCreate', 'WorkOrderTransitionCreate', 'Line', 'Product'],
        ...['ProductionEntry', 'ProductionEntryPage', 'ProductionEntryCreate'],
      ]),
    );
    expect(doc.components.schemas.Error).toMatchObject({
      properties: { error: { required: ['code', 'message', 'details', 'timestamp', 'request_id', 'path'] } },
    });
  });

  test('the dashboards’ widget type lists every pack’s types, and the options say what each type takes', async () => {
    const doc = (await api(null, 'GET', '/api/openapi.json')).body as {
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[]; description?: string }> }> };
    };
    const widget = doc.components.schemas.WidgetInput!.properties;
    // Every registered type (tests/unit/dashboards.test.ts pins the list), the pack's included.
    expect(widget.type?.enum).toEqual(WIDGET_TYPE_NAMES);
    expect(widget.type?.enum).toContain('accountHealth');
    expect(widget.type?.description).toContain('portfolioHealth (Portfolio health)');
    expect(widget.options?.description).toContain('accountHealth: {"accountId"');
    expect(widget.options?.description).toContain('line: {"showTarget": bool}');
  });

  test('GET /api/docs is a self-contained HTML reference page (Swagger UI served locally)', async () => {
    const page = await fetch(`${baseUrl()}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('/api/openapi.json');
    expect(html).toContain('<script src="/api/docs/swagger-ui-bundle.js"');
    expect(html).not.toMatch(/(src|href)="https?:/);
    const script = await api(null, 'GET', '/api/docs/swagger-ui-bundle.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(String(script.body).length).toBeGreaterThan(100_000);
    const css = await api(null, 'GET', '/api/docs/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/css/);
    // Nothing else in the package is exposed.
    expect((await api(null, 'GET', '/api/docs/package.json')).status).toBe(404);
  });
});
