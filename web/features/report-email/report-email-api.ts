import type { ReportFormat, ReportName } from '../../../shared/report-email/reports.ts';
import { ORG_HEADER } from '../../../sync/context.ts';
import { api } from '../../lib/api.ts';

export interface ScheduleInput {
  report: ReportName;
  format: ReportFormat;
  params: Record<string, string>;
  recipients: string[];
  cron: string;
  timezone: string;
}

const BASE = '/api/reports/email/schedule';

/** Schedules go through REST (the same checks as scripts get); the list on the page follows by sync. */
export function createSchedule(orgID: string, input: ScheduleInput): Promise<{ id: string; nextRun: string }> {
  return api.post(BASE, input, { [ORG_HEADER]: orgID });
}

export function deleteSchedule(orgID: string, id: string): Promise<unknown> {
  return api.delete(`${BASE}/${encodeURIComponent(id)}`, { [ORG_HEADER]: orgID });
}

export function sendNow(orgID: string, id: string): Promise<{ sendId: string }> {
  return api.post(`${BASE}/${encodeURIComponent(id)}/run`, {}, { [ORG_HEADER]: orgID });
}
