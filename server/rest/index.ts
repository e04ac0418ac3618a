import { OpenAPIHono } from '@hono/zod-openapi';
import { accountRoutes } from './accounts/routes.ts';
import { apiKeyRoutes } from './api-keys/routes.ts';
import { chatRoutes } from './chat/routes.ts';
import type { RestDeps } from './context.ts';
import { dashboardRoutes } from './dashboards/routes.ts';
import { serveDocs } from './docs.ts';
import { goalRoutes } from './goals/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { categoryWeightRoutes, referenceRangeRoutes } from './health-config/routes.ts';
import { kpiRoutes } from './kpis/routes.ts';
import { lineRoutes, productRoutes } from './master-data/routes.ts';
import { registerSecuritySchemes } from './openapi.ts';
import { accountExecutionRoutes, executionRoutes } from './playbook-executions/routes.ts';
import { playbookTriggerRoutes } from './playbook-triggers/routes.ts';
import { productionBatchRoutes } from './production-batches/routes.ts';
import { productionEntryRoutes } from './production-entries/routes.ts';
import { reportEmailRoutes } from './report-email/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { shopFloorKpiRoutes } from './shop-floor-kpi/routes.ts';
import { uploadExampleRoutes, uploadRoutes } from './uploads/routes.ts';
import { workOrderRoutes } from './work-orders/routes.ts';

export type { RestDeps } from './context.ts';

const BASE = '/api';

/**
 * The REST API under /api: one sub-app per resource (each with its own body
 * limit and authentication), the OpenAPI document and the reference page.
 * Mount with `app.route('/', restRoutes(deps))`.
 */
export function restRoutes(deps: RestDeps) {
  const api = new OpenAPIHono().basePath(BASE);
  registerSecuritySchemes(api);
  api.route('/kpis', kpiRoutes(deps));
  api.route('/goals', goalRoutes(deps));
  api.route('/api-keys', apiKeyRoutes(deps));
  api.route('/dashboards', dashboardRoutes(deps));
  api.route('/health', healthRoutes(deps));
  api.route('/accounts', accountRoutes(deps));
  api.route('/reference-ranges', referenceRangeRoutes(deps));
  api.route('/category-weights', categoryWeightRoutes(deps));
  api.route('/playbook-triggers', playbookTriggerRoutes(deps));
  api.route('/accounts', uploadRoutes(deps));
  api.route('/uploads', uploadExampleRoutes(deps));
  api.route('/accounts/:id/playbook-executions', accountExecutionRoutes(deps));
  api.route('/playbook-executions', executionRoutes(deps));
  api.route('/kpi', shopFloorKpiRoutes(deps));
  api.route('/work-orders', workOrderRoutes(deps));
  api.route('/lines', lineRoutes(deps));
  api.route('/products', productRoutes(deps));
  api.route('/production/entries', productionEntryRoutes(deps));
  api.route('/production/batch', productionBatchRoutes(deps));
  api.route('/reports/email/schedule', reportEmailRoutes(deps));
  api.route('/chat', chatRoutes(deps));
  api.route('/reports', reportRoutes(deps));
  serveDocs(api, BASE);
  return api;
}
