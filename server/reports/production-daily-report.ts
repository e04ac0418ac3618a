import { z } from 'zod';
import { downtimePareto } from '../../shared/shop-floor/downtime-pareto.ts';
import type { KpiName } from '../../shared/shop-floor/kpi-names.ts';
import { stopsIn } from '../../sync/queries/shop-floor-entries.ts';
import { scoped } from '../../sync/tenant.ts';
import { resolveFilter } from '../shop-floor/resolve-filter.ts';
import { type StoredGroup, storedKpis } from '../shop-floor/stored-kpis.ts';
import type { Cell, Chart, ReportModel } from './model.ts';
import { dayPeriod, reportHeader } from './period.ts';
import type { ReportRead } from './tenant-read.ts';

export const productionDailyParams = z.object({
  date: z.iso.date({ error: 'date is required: the shift date, YYYY-MM-DD' }),
  line: z.string().min(1, 'line must be a line’s id or name').optional(),
});

/** The KPIs of seed 004's daily report, as percentages (0-100) except PPM. */
const PERCENT_KPIS = ['availability', 'performance', 'quality', 'oee', 'efficiency'] as const satisfies readonly KpiName[];
const KPIS: readonly KpiName[] = [...PERCENT_KPIS, 'ppm'];

const percent = (g: StoredGroup | undefined, kpi: KpiName): Cell => {
  const v = g?.results[kpi]?.value;
  return v == null ? null : v / 100;
};

/**
 * Seed 004's daily production report for one shift date, every line or one
 * (by id or name): per line and in total the units, OEE and its factors,
 * efficiency and PPM (server/shop-floor/stored-kpis.ts, the same numbers as
 * GET /api/kpi/all), and the downtime Pareto of the stops that started that
 * day (shared/shop-floor/downtime-pareto.ts, as on the line dashboard).
 */
export async function productionDailyReport(
  r: ReportRead,
  params: z.infer<typeof productionDailyParams>,
  now: number,
): Promise<ReportModel> {
  const org = r.tenant.orgID;
  const period = dayPeriod(params.date);
  const line = await resolveFilter(r.sql, org, 'line', params.line);
  const [stored, lines, stops] = await Promise.all([
    storedKpis(r.sql, { orgID: org, from: period.from, to: period.to, lineID: line?.id, groupBy: 'line', kpis: KPIS, now }),
    r.tx.run(scoped('line', org, r.ctx).orderBy('name', 'asc')),
    r.tx.run(stopsIn(scoped('downtimeEntry', org, r.ctx), { from: period.start, to: period.end })),
  ]);
  const lineStops = stops.filter((s) => line === undefined || s.lineID === line.id);
  const pareto = downtimePareto(
    lineStops.map((s) => ({ reasonID: s.reasonID, durationMinutes: s.durationMinutes, reason: s.reason })),
  );
  const groups = new Map(stored.groups.map((g) => [g.key, g]));
  // Every active line (or the one asked for), and any archived line that still has entries that day.
  const shown = lines.filter(
    (l) =>
      (line === undefined || l.id === line.id) &&
      (l.archivedAt == null || groups.has(l.id) || lineStops.some((s) => s.lineID === l.id)),
  );
  const downtimeOf = (lineID?: string) =>
    lineStops.filter((s) => lineID === undefined || s.lineID === lineID).reduce((sum, s) => sum + s.durationMinutes, 0);
  const row = (name: string, g: StoredGroup | undefined, lineID?: string): Cell[] => [
    name,
    g?.inputs.unitsProduced ?? 0,
    g?.inputs.unitsDefective ?? 0,
    ...PERCENT_KPIS.map((k) => percent(g, k)),
    g?.results.ppm?.value ?? null,
    downtimeOf(lineID),
  ];
  const total = stored.total;
  const empty = total.inputs.productionEntries === 0 && lineStops.length === 0;
  const where = line ? ` on ${line.name}` : '';
  const header = await reportHeader(
    r,
    { title: `Daily production${line ? `: ${line.name}` : ''}`, fileTitle: 'Daily_Production', fileDate: params.date },
    period,
    now,
  );
  const oee = total.results.oee?.value;
  const charts: Chart[] = [];
  const withOee = shown.filter((l) => groups.get(l.id)?.results.oee?.value != null);
  if (withOee.length > 0)
    charts.push({
      kind: 'bar',
      title: 'OEE by line (%)',
      unit: '%',
      bars: withOee.map((l) => ({ label: l.name, value: groups.get(l.id)?.results.oee?.value ?? 0 })),
    });
  if (pareto.bars.length > 0)
    charts.push({
      kind: 'bar',
      title: 'Downtime Pareto (minutes)',
      unit: 'min',
      bars: pareto.bars.map((b) => ({ label: b.label, value: b.minutes })),
      cumulative: pareto.bars.map((b) => b.cumulative),
    });

  return {
    ...header,
    notes: empty ? [`No production or downtime was recorded on ${params.date}${where}.`] : [],
    figures: [
      { label: 'Units produced', value: String(total.inputs.unitsProduced) },
      { label: 'OEE', value: oee == null ? 'n/a' : `${oee.toFixed(1)} %` },
      { label: 'Downtime', value: `${pareto.totalMinutes} min` },
    ],
    charts,
    tables: [
      {
        title: 'Lines',
        columns: [
          { header: 'Line', type: 'text' },
          { header: 'Units produced', type: 'integer' },
          { header: 'Units defective', type: 'integer' },
          { header: 'Availability', type: 'percent' },
          { header: 'Performance', type: 'percent' },
          { header: 'Quality', type: 'percent' },
          { header: 'OEE', type: 'percent' },
          { header: 'Efficiency', type: 'percent' },
          { header: 'PPM', type: 'number', decimals: 0 },
          { header: 'Downtime (min)', type: 'number', decimals: 0 },
        ],
        rows: [...shown.map((l) => row(l.name, groups.get(l.id), l.id)), row('Total', total)],
      },
      {
        title: 'Downtime Pareto',
        columns: [
          { header: 'Reason', type: 'text' },
          { header: 'Planned', type: 'text' },
          { header: 'Stops', type: 'integer' },
          { header: 'Minutes', type: 'number', decimals: 0 },
          { header: 'Share', type: 'percent' },
          { header: 'Cumulative', type: 'percent' },
        ],
        rows: pareto.bars.map((b) => [
          b.label,
          b.planned === null ? '' : b.planned ? 'Planned' : 'Unplanned',
          b.stops,
          b.minutes,
          b.share / 100,
          b.cumulative / 100,
        ]),
        emptyText: `No downtime was recorded on ${params.date}${where}.`,
      },
    ],
  };
}
