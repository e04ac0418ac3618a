import type { Sql } from 'postgres';
import type { ReportFormat, ReportName } from '../../shared/report-email/reports.ts';
import type { RenderedReport, ReportTenant } from '../reports/render.ts';

export interface ReportRequest {
  report: ReportName;
  format: ReportFormat;
  params: Record<string, string | undefined>;
}

/**
 * Renders one report document for an e-mail (the send job attaches what it
 * returns): `renderReport` of server/reports/, the same code as GET
 * /api/reports/{report}.pdf|.xlsx, injected so the job can be given another
 * renderer (and the mail path tested) without the report pack.
 */
export type RenderReport = (sql: Sql, tenant: ReportTenant, request: ReportRequest) => Promise<RenderedReport>;
