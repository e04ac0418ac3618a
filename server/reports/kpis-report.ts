import { z } from 'zod';
import { kpiStanding } from '../../shared/progress.ts';
import { DAY_MS } from '../../shared/shop-floor/instants.ts';
import { scoped } from '../../sync/tenant.ts';
import type { Chart, ReportModel } from './model.ts';
import { type Period, periodParams, rangeOf, reportHeader } from './period.ts';
import type { ReportRead } from './tenant-read.ts';

/** The KPI dashboard's default period: the 90 days up to today. */
export const KPIS_DEFAULT_DAYS = 90;

export const kpisParams = z.object(periodParams);

const STATUS_TEXT = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', 'no-data': 'No data' } as const;

/**
 * The KPI tracker's dashboard: every active KPI with its current value (its
 * latest data point), target, direction-aware progress and status; a trend
 * chart per KPI of its data points in the period; and the data points.
 */
export async function kpisReport(r: ReportRead, params: z.infer<typeof kpisParams>, now: number): Promise<ReportModel> {
  const period: Period = rangeOf(params, now, KPIS_DEFAULT_DAYS);
  const [kpis, points] = await Promise.all([
    r.tx.run(scoped('kpi', r.tenant.orgID, r.ctx).where('archivedAt', 'IS', null).orderBy('name', 'asc')),
    r.tx.run(
      scoped('dataPoint', r.tenant.orgID, r.ctx)
        .where('recordedAt', '>=', period.start)
        .where('recordedAt', '<', period.end + DAY_MS)
        .orderBy('recordedAt', 'asc'),
    ),
  ]);
  const byKpi = new Map(kpis.map((k) => [k.id, k]));
  const inPeriod = points.filter((p) => byKpi.has(p.kpiID));
  const header = await reportHeader(r, { title: 'KPIs', fileTitle: 'KPIs', fileDate: period.to }, period, now);

  // One trend chart per KPI with data points in the period, its target drawn as a line.
  const charts = kpis.flatMap((k): Chart[] => {
    const mine = inPeriod.filter((p) => p.kpiID === k.id).map((p) => ({ x: p.recordedAt, y: p.value }));
    if (mine.length === 0) return [];
    return [
      { kind: 'line', title: `${k.name} (${k.unit})`, unit: k.unit, target: k.target, series: [{ name: k.name, points: mine }] },
    ];
  });
  const notes: string[] = [];
  if (kpis.length === 0) notes.push('This organization has no KPIs yet.');
  else if (inPeriod.length === 0) notes.push(`No data points were recorded from ${period.from} to ${period.to}.`);
  const standings = kpis.map((k) => kpiStanding(k.currentValue, k.target, k.direction));
  const onTrack = standings.filter((s) => s.status === 'on-track').length;

  return {
    ...header,
    notes,
    figures: [
      { label: 'KPIs', value: String(kpis.length) },
      { label: 'On track', value: String(onTrack) },
      { label: 'Data points in the period', value: String(inPeriod.length) },
    ],
    charts,
    tables: [
      {
        title: 'KPIs',
        columns: [
          { header: 'KPI', type: 'text' },
          { header: 'Category', type: 'text' },
          { header: 'Unit', type: 'text' },
          { header: 'Value', type: 'number' },
          { header: 'Target', type: 'number' },
          { header: 'Better', type: 'text' },
          { header: 'Progress', type: 'percent' },
          { header: 'Status', type: 'text' },
          { header: 'Last recorded', type: 'datetime' },
        ],
        rows: kpis.map((k, i) => [
          k.name,
          k.category,
          k.unit,
          k.currentValue ?? null,
          k.target,
          k.direction,
          standings[i]?.progress ?? null,
          STATUS_TEXT[standings[i]?.status ?? 'no-data'],
          k.currentAt ?? null,
        ]),
        emptyText: 'No KPIs.',
      },
      {
        title: 'Data points',
        columns: [
          { header: 'KPI', type: 'text' },
          { header: 'Recorded', type: 'datetime' },
          { header: 'Value', type: 'number' },
          { header: 'Source', type: 'text' },
          { header: 'Note', type: 'text' },
        ],
        rows: inPeriod.map((p) => [byKpi.get(p.kpiID)?.name ?? '', p.recordedAt, p.value, p.source, p.note]),
        emptyText: `No data points from ${period.from} to ${period.to}.`,
      },
    ],
  };
}
