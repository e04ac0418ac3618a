import ExcelJS from 'exceljs';
import type { HealthCategory } from '../../../shared/customer-success/categories.ts';
import { CATEGORY_SHEETS, COLUMNS, columnsOf, type UploadMode } from '../../../shared/customer-success/uploads/layout.ts';

type DemoRow = [name: string, value: number, weight: number, impact: string, frequency: string, sourceReview: string];

/**
 * The demo KPIs of the example workbook, per category sheet (seed 002's
 * master workbook shape). NPS Score, CSAT and Churn Risk match the names the
 * VoC sprint's default trigger conditions watch (shared/playbooks/triggers.ts).
 */
export const EXAMPLE_ROWS: Record<HealthCategory, DemoRow[]> = {
  'Relationship Strength': [
    ['NPS Score', 32, 2, 'High', 'Quarterly', 'Quarterly NPS survey'],
    ['Executive Sponsor Engagement', 4, 1, 'Medium', 'Quarterly', 'QBR attendance log'],
  ],
  'Adoption & Engagement': [
    ['Active Users', 68, 2, 'High', 'Monthly', 'Product analytics'],
    ['Feature Adoption', 45, 1, 'Medium', 'Monthly', 'Product analytics'],
  ],
  'Support & Experience': [
    ['CSAT', 4.2, 2, 'High', 'Monthly', 'Support desk survey'],
    ['Open Critical Tickets', 1, 1, 'Medium', 'Weekly', 'Support desk'],
  ],
  'Product Value': [
    ['ROI Realized', 120, 1, 'High', 'Quarterly', 'Value review with the customer'],
    ['Time to Value (days)', 30, 1, 'Medium', 'Quarterly', 'Onboarding tracker'],
  ],
  'Business Outcomes': [
    ['Churn Risk', 20, 2, 'High', 'Monthly', 'CSM assessment'],
    ['Renewal Likelihood', 80, 1, 'High', 'Quarterly', 'CSM forecast'],
  ],
};

const UNITS = ['North', 'South'];

/** The example workbook as .xlsx bytes; in rollup mode each KPI has a row per demo business unit. */
export async function exampleWorkbook(mode: UploadMode = 'corporate'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KPI platform';
  const headers = columnsOf(mode).map((k) => COLUMNS[k].header);
  for (const category of CATEGORY_SHEETS) {
    const ws = workbook.addWorksheet(category);
    ws.addRow(headers).font = { bold: true };
    for (const row of EXAMPLE_ROWS[category]) {
      if (mode === 'corporate') ws.addRow(row);
      else for (const [i, unit] of UNITS.entries()) ws.addRow([row[0], row[1] + i, ...row.slice(2), unit]);
    }
    ws.columns.forEach((c) => {
      c.width = 24;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
