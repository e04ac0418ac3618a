import type { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { accountHealthParams, accountHealthReport } from './account-health-report.ts';
import { kpisParams, kpisReport } from './kpis-report.ts';
import type { ReportModel } from './model.ts';
import { renderPdf } from './pdf.ts';
import { productionDailyParams, productionDailyReport } from './production-daily-report.ts';
import { type ReportDb, type ReportRead, type ReportTenant, readAsTenant } from './tenant-read.ts';
import { renderXlsx } from './xlsx.ts';

export type { ReportDb, ReportTenant } from './tenant-read.ts';

interface ReportDefinition<S extends z.ZodType> {
  params: S;
  build: (r: ReportRead, params: z.infer<S>, now: number) => Promise<ReportModel>;
}
const define = <S extends z.ZodType>(d: ReportDefinition<S>) => d as unknown as ReportDefinition<z.ZodType>;

/** The reports by their names in the URL. */
const REPORTS = {
  kpis: define({ params: kpisParams, build: kpisReport }),
  'account-health': define({ params: accountHealthParams, build: accountHealthReport }),
  'production-daily': define({ params: productionDailyParams, build: productionDailyReport }),
} as const;

export type ReportName = keyof typeof REPORTS;
export const REPORT_NAMES = Object.keys(REPORTS) as [ReportName, ...ReportName[]];

export const FORMATS = {
  pdf: { contentType: 'application/pdf', render: renderPdf },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: renderXlsx },
} as const;
export type ReportFormat = keyof typeof FORMATS;
export const REPORT_FORMATS = Object.keys(FORMATS) as [ReportFormat, ...ReportFormat[]];

export interface ReportRequest {
  report: string;
  format: string;
  /** The report's parameters (the query string of GET /api/reports/{report}.{format}). */
  params: Record<string, string | undefined>;
}

export interface RenderedReport {
  fileName: string;
  contentType: string;
  body: Uint8Array;
}

export const isReportName = (name: string): name is ReportName => Object.hasOwn(REPORTS, name);

/** An unknown report or format: not found, naming the ones there are. */
export function unknownReport(report: string, format: string): AppError {
  const known = REPORT_NAMES.flatMap((r) => REPORT_FORMATS.map((f) => `${r}.${f}`)).join(', ');
  return new AppError('NOT_FOUND', `No report “${report}.${format}”. Known reports: ${known}`);
}

/**
 * Builds one report as `tenant` sees the data (their organization, their
 * role; row-level security on `db`: the app pool, or the REST API's DbProvider on it) and renders it. The REST
 * route and the scheduled e-mails both come through here. Bad parameters
 * are a VALIDATION_FAILED naming the field (under `query`); an unknown
 * report or format, or a row outside the organization, NOT_FOUND.
 */
export async function renderReport(
  db: ReportDb,
  tenant: ReportTenant,
  request: ReportRequest,
  now = Date.now(),
): Promise<RenderedReport> {
  const { report, format } = request;
  if (!isReportName(report) || !Object.hasOwn(FORMATS, format)) throw unknownReport(report, format);
  const definition = REPORTS[report];
  const params = parseOrThrow(definition.params, request.params, ['query']);
  const model = await readAsTenant(db, tenant, (r) => definition.build(r, params, now));
  const { contentType, render } = FORMATS[format as ReportFormat];
  return { fileName: `${model.fileStem}.${format}`, contentType, body: await render(model) };
}
