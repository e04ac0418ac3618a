import { REPORT_FORMATS, renderReport } from '../../reports/render.ts';
import type { RestDeps } from '../context.ts';
import { resourceApp } from '../resource-app.ts';
import { reportPath } from './schemas.ts';

/**
 * /api/reports/{report}.pdf and .xlsx: documents out. The route only reads
 * the query and the caller; server/reports builds and renders the report
 * (the scheduled e-mails call the same renderReport).
 */
export function reportRoutes(deps: RestDeps) {
  const app = resourceApp(deps);
  for (const format of REPORT_FORMATS) {
    // Hono reads a path segment as one parameter, so the extension is part of its pattern here;
    // the OpenAPI document names the report and the format apart.
    app.openAPIRegistry.registerPath(reportPath(format));
    app.get(`/:report{[^/]+\\.${format}}`, async (c) => {
      const caller = c.get('caller');
      const report = c.req.param('report').slice(0, -(format.length + 1));
      const file = await renderReport(
        deps.dbProvider,
        { orgID: caller.orgID, userID: caller.userID, roleLimit: caller.roleLimit },
        { report, format, params: c.req.query() },
      );
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'private, no-store',
      });
    });
  }
  return app;
}
