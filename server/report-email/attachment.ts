import ExcelJS from 'exceljs';
import type { Sql } from 'postgres';
import { kpiProgress } from '../../shared/progress.ts';
import type { ReportFormat, ReportName } from '../../shared/report-email/reports.ts';
import { withTenant } from '../db/pools.ts';

/** The member a report is rendered for: it shows what they may see in that organization. */
export interface ReportTenant {
  orgID: string;
  userID: string;
}

export interface ReportRequest {
  report: ReportName;
  format: ReportFormat;
  params: Record<string, unknown>;
}

export interface RenderedReport {
  fileName: string;
  contentType: string;
  body: Uint8Array;
}

/**
 * Renders one report document; the scheduled-mail job and "send now" attach
 * what it returns. The same signature as `renderReport` of server/reports/
 * (issue 11, item 7, built on its own branch): at merge, the stack passes
 * that one instead of `renderKpiWorkbook` below.
 */
export type RenderReport = (sql: Sql, tenant: ReportTenant, request: ReportRequest) => Promise<RenderedReport>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface KpiLine {
  name: string;
  category: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number;
  current: number | null;
  currentAt: Date | null;
}

/**
 * Until server/reports/ lands (then `renderReport` replaces this): the `kpis`
 * report as an Excel workbook, a real document of the organization's live
 * KPIs read as the member (value, target, progress, when the value was
 * recorded; numbers as numbers, dates as dates). Any other report or format
 * is refused with a message saying so, and the send is logged as failed.
 */
export const renderKpiWorkbook: RenderReport = async (sql, tenant, request) => {
  if (request.report !== 'kpis' || request.format !== 'xlsx') {
    throw new Error(
      `The ${request.report} report as ${request.format.toUpperCase()} is not available on this server yet (only the KPIs report as XLSX).`,
    );
  }
  const { orgName, kpis } = await withTenant(sql, { ...tenant, source: 'report:kpis' }, async (tx) => {
    const [org] = await tx<{ name: string }[]>`SELECT name FROM organization WHERE id = ${tenant.orgID}`;
    const rows = await tx<KpiLine[]>`
      SELECT name, category, unit, direction, target, current_value AS current, current_at AS "currentAt"
        FROM kpi WHERE organization_id = ${tenant.orgID} AND archived_at IS NULL ORDER BY name, id`;
    return { orgName: org?.name ?? 'Organization', kpis: rows };
  });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Live KPI';
  const sheet = workbook.addWorksheet('KPIs');
  sheet.columns = [
    { header: 'KPI', key: 'name', width: 36 },
    { header: 'Category', key: 'category', width: 16 },
    { header: 'Unit', key: 'unit', width: 10 },
    { header: 'Current value', key: 'current', width: 16 },
    { header: 'Target', key: 'target', width: 12 },
    { header: 'Progress', key: 'progress', width: 12, style: { numFmt: '0%' } },
    { header: 'Better when', key: 'direction', width: 12 },
    { header: 'Recorded at', key: 'currentAt', width: 22, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const k of kpis) {
    sheet.addRow({
      ...k,
      progress: kpiProgress(k.current, k.target, k.direction),
      direction: k.direction,
    });
  }
  if (kpis.length === 0) sheet.addRow({ name: 'This organization has no KPIs yet.' });
  const body = new Uint8Array(await workbook.xlsx.writeBuffer());
  const day = new Date().toISOString().slice(0, 10);
  const safeOrg = orgName.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_|_$/g, '') || 'Organization';
  return { fileName: `${safeOrg}_KPIs_${day}.xlsx`, contentType: XLSX, body };
};
