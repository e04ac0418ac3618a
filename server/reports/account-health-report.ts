import { z } from 'zod';
import { notFound } from '../../shared/errors.ts';
import { STEP_STATUS_LABELS } from '../../shared/playbooks/executions.ts';
import { ID_MAX_LENGTH } from '../../shared/validation.ts';
import { scoped } from '../../sync/tenant.ts';
import { type Chart, fileNamePart, type ReportModel, type Table } from './model.ts';
import { isoDay, reportHeader } from './period.ts';
import type { ReportRead } from './tenant-read.ts';

export const accountHealthParams = z.object({
  accountId: z
    .string({ error: 'accountId is required: the id of one of your accounts' })
    .min(1, 'accountId is required: the id of one of your accounts')
    .max(ID_MAX_LENGTH),
});

const raciText = (raci: { responsible: string; accountable: string; consulted: string[]; informed: string[] }) =>
  `R: ${raci.responsible}; A: ${raci.accountable}; C: ${raci.consulted.join(', ') || '-'}; I: ${raci.informed.join(', ') || '-'}`;

/**
 * One account's health: the current overall score and its breakdown by
 * category and KPI, the monthly trend, the playbooks running on it with
 * their steps (and who is responsible, accountable, consulted and informed
 * on each), and the RACI reports of the finished ones. Another
 * organization's account is not found.
 */
export async function accountHealthReport(
  r: ReportRead,
  params: z.infer<typeof accountHealthParams>,
  now: number,
): Promise<ReportModel> {
  const org = r.tenant.orgID;
  const account = await r.tx.run(scoped('account', org, r.ctx).where('id', params.accountId).one());
  if (!account) throw notFound('Account');
  const [health, trend, executions] = await Promise.all([
    r.tx.run(scoped('accountHealth', org, r.ctx).where('accountID', account.id).one()),
    r.tx.run(scoped('healthTrend', org, r.ctx).where('accountID', account.id).orderBy('month', 'asc')),
    r.tx.run(
      scoped('playbookExecution', org, r.ctx)
        .where('accountID', account.id)
        .related('steps', (s) => s.orderBy('position', 'asc'))
        .related('report')
        .orderBy('startedAt', 'asc'),
    ),
  ]);
  const today = isoDay(now);
  const from = trend[0]?.month ?? today.slice(0, 7);
  const header = await reportHeader(
    r,
    { title: `Account health: ${account.name}`, fileTitle: `Account_Health_${fileNamePart(account.name)}`, fileDate: today },
    { from, to: today, start: 0, end: 0, label: `${from} to ${today}` },
    now,
  );
  const open = executions.filter((e) => e.status === 'active');
  const reported = executions.flatMap((e) => (e.report ? [{ execution: e, report: e.report }] : []));

  const charts: Chart[] = [];
  if (trend.some((t) => t.overall != null))
    charts.push({
      kind: 'line',
      title: 'Overall health by month',
      unit: 'score',
      series: [
        {
          name: 'Overall',
          points: trend.flatMap((t) => (t.overall == null ? [] : [{ x: Date.parse(`${t.month}-01`), y: t.overall }])),
        },
      ],
    });
  const categories = health?.categories ?? [];
  if (categories.some((c) => c.score != null))
    charts.push({
      kind: 'bar',
      title: 'Score by category',
      unit: 'score',
      bars: categories.flatMap((c) => (c.score == null ? [] : [{ label: c.name, value: c.score }])),
    });

  const notes: string[] = [];
  if (!health || health.overall == null) notes.push('No KPI of this account could be scored yet: it has no health score.');
  const tables: Table[] = [
    {
      title: 'Categories',
      columns: [
        { header: 'Category', type: 'text' },
        { header: 'Score', type: 'number' },
        { header: 'Weight', type: 'percent', decimals: 0 },
        { header: 'Scored KPIs', type: 'integer' },
      ],
      rows: categories.map((c) => [c.name, c.score, c.weight, c.validKpis]),
      emptyText: 'No categories scored.',
    },
    {
      title: 'KPIs',
      columns: [
        { header: 'KPI', type: 'text' },
        { header: 'Category', type: 'text' },
        { header: 'Value', type: 'number' },
        { header: 'Recorded', type: 'datetime' },
        { header: 'Status', type: 'text' },
        { header: 'Score', type: 'number' },
      ],
      rows: (health?.kpis ?? []).map((k) => [k.name, k.category, k.value, k.valueAt, k.status, k.score]),
      emptyText: 'No KPIs.',
    },
    {
      title: 'Monthly trend',
      columns: [
        { header: 'Month', type: 'date' },
        { header: 'Overall', type: 'number' },
        { header: 'Scored KPIs', type: 'integer' },
        { header: 'KPIs', type: 'integer' },
      ],
      rows: trend.map((t) => [Date.parse(`${t.month}-01`), t.overall ?? null, t.validKpis, t.totalKpis]),
      emptyText: 'No monthly snapshots yet.',
    },
    {
      title: 'Open playbooks',
      columns: [
        { header: 'Playbook', type: 'text' },
        { header: 'Started', type: 'date' },
        { header: 'Due', type: 'date' },
        { header: 'Step', type: 'text' },
        { header: 'Status', type: 'text' },
        { header: 'RACI', type: 'text' },
      ],
      rows: open.flatMap((e) =>
        e.steps.map((s) => [e.playbookName, e.startedAt, e.dueAt, s.title, STEP_STATUS_LABELS[s.status], raciText(s.raci)]),
      ),
      emptyText: 'No playbook is running on this account.',
    },
    {
      title: 'RACI reports',
      columns: [
        { header: 'Playbook', type: 'text' },
        { header: 'Generated', type: 'date' },
        { header: 'Role', type: 'text' },
        { header: 'Responsible for', type: 'text' },
        { header: 'Accountable for', type: 'text' },
        { header: 'Consulted on', type: 'text' },
        { header: 'Informed of', type: 'text' },
      ],
      rows: reported.flatMap(({ execution, report }) =>
        report.reportData.raciBreakdown.map((b) => [
          execution.playbookName,
          report.generatedAt,
          b.role,
          b.responsible.join('; '),
          b.accountable.join('; '),
          b.consulted.join('; '),
          b.informed.join('; '),
        ]),
      ),
      emptyText: 'No playbook has finished on this account yet.',
    },
  ];
  return {
    ...header,
    notes: [...notes, ...reported.map(({ report }) => report.reportData.executiveSummary)],
    figures: [
      { label: 'Overall health', value: health?.overall == null ? 'not scored' : health.overall.toFixed(1) },
      { label: 'Scored KPIs', value: `${health?.validKpis ?? 0} of ${health?.totalKpis ?? 0}` },
      { label: 'Open playbooks', value: String(open.length) },
    ],
    charts,
    tables,
  };
}
