import { z } from '@hono/zod-openapi';
import { MAX_PERIOD_DAYS } from '../../reports/period.ts';
import { FORMATS, REPORT_NAMES, type ReportFormat } from '../../reports/render.ts';
import { errors, sessionOrKey } from '../openapi.ts';

const query = (name: string, description: string, example: string) => ({
  name,
  in: 'query' as const,
  required: false,
  description,
  schema: { type: 'string' as const, example },
});

/** Every report's query parameters (each report reads only its own). */
const PARAMETERS = [
  {
    name: 'report',
    in: 'path' as const,
    required: true,
    description: 'Which report',
    schema: { type: 'string' as const, enum: REPORT_NAMES },
  },
  query('from', `kpis: the first day, YYYY-MM-DD (default: 89 days before to; at most ${MAX_PERIOD_DAYS} days)`, '2026-09-05'),
  query('to', 'kpis: the last day, YYYY-MM-DD (default: today, UTC)', '2026-12-03'),
  query('accountId', 'account-health (required): the account’s id', '3f6c2a9e-4b1d-4c47-9a53-0d2b8f1e7c11'),
  query('date', 'production-daily (required): the shift date, YYYY-MM-DD', '2026-12-02'),
  query('line', 'production-daily: one line, by id or name (default: every line)', 'Line 1'),
];

const DESCRIPTION = {
  pdf: 'A4 landscape: a header with the organization, the report and the period on every page, key figures, charts (trend per KPI; health by month and by category; OEE by line and the downtime Pareto), the tables, and “Page n of m”.',
  xlsx: 'A “Report” sheet (organization, period, key figures, notes), then one sheet per table with a bold, frozen header row and typed cells: numbers as numbers, percentages as fractions with a % format, dates as dates.',
} as const;

const REPORTS_TEXT =
  '`kpis`: every active KPI with its value (latest data point), target, progress and status, a trend per KPI and the data points of the period (`from`, `to`; default the last 90 days). `account-health` (`accountId`): the health score, its breakdown by category and KPI, the monthly trend, the open playbooks with each step’s RACI, and the RACI reports of finished ones; another organization’s account is a 404. `production-daily` (`date`, optional `line`): per line and in total the units, availability, performance, quality, OEE, efficiency and PPM (the same numbers as GET /api/kpi/all) and the downtime Pareto of the day; another organization’s line is a 404. A period with no data gives a document that says so. The file name is `<Organization>_<Report>_<date>` (e.g. `Demo_Company_Daily_Production_2026-12-02.pdf`). Any member who may read the data; an unknown report is a 404 listing the known ones; a bad parameter a 400 naming it.';

/** The OpenAPI description of GET /api/reports/{report}.pdf and .xlsx: binary bodies of their content types. */
export function reportPath(format: ReportFormat) {
  return {
    method: 'get' as const,
    path: `/{report}.${format}`,
    tags: ['Reports'],
    security: sessionOrKey.security,
    parameters: [...sessionOrKey.parameters, ...PARAMETERS],
    summary: `Download a report as ${format === 'pdf' ? 'PDF' : 'Excel (XLSX)'}`,
    description: `${REPORTS_TEXT} ${DESCRIPTION[format]}`,
    responses: {
      200: {
        description: 'The report, as an attachment (Content-Disposition names the file)',
        headers: {
          'Content-Disposition': {
            description: 'attachment; filename="Demo_Company_KPIs_2026-12-03.pdf"',
            schema: { type: 'string' as const },
          },
        },
        content: { [FORMATS[format].contentType]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...errors(403),
    },
  };
}
