import { randomUUID } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import type { PackSeed } from '../seed.ts';

const DEMO_DASHBOARD = 'Company overview';
const MRR = 'Monthly recurring revenue';
const NPS = 'Net promoter score';
const WAU = 'Weekly active users';
const YIELD = 'First-pass yield';

interface DemoWidget {
  type: string;
  kpis?: string[];
  goal?: true;
  text?: string;
  options?: Record<string, string | boolean>;
  at: [x: number, y: number, w: number, h: number];
}

/** Every widget type, on the KPI tracker's demo KPIs (by name) and goal. */
const DEMO_WIDGETS: DemoWidget[] = [
  { type: 'number', kpis: [MRR], at: [0, 0, 3, 2] },
  { type: 'number', kpis: [NPS], at: [3, 0, 3, 2] },
  { type: 'number', kpis: [WAU], at: [6, 0, 3, 2] },
  { type: 'number', kpis: [YIELD], at: [9, 0, 3, 2] },
  { type: 'line', kpis: [MRR], options: { showTarget: true }, at: [0, 2, 8, 4] },
  { type: 'goal', goal: true, at: [8, 2, 4, 4] },
  { type: 'bar', kpis: [WAU], options: { bucket: 'week', aggregate: 'last' }, at: [0, 6, 6, 4] },
  { type: 'gauge', kpis: [NPS], at: [6, 6, 3, 4] },
  {
    type: 'text',
    text: 'Welcome! Drag widgets to arrange this dashboard together, or open TV mode for a wall screen.',
    at: [9, 6, 3, 4],
  },
  { type: 'table', kpis: [MRR, NPS, WAU, YIELD], at: [0, 10, 12, 4] },
];

/**
 * The demo's shared dashboard: every widget type over the KPI tracker's demo
 * KPIs and goal (so it runs after that seed). Found by name: a start adds it
 * only when missing and never rearranges what people changed; a widget whose
 * KPI or goal is missing is left out.
 */
export const dashboardsSeed: PackSeed = {
  pack: 'dashboards',
  async seed(tx, { orgID, userID }) {
    const [found] = await tx`SELECT id FROM dashboard WHERE organization_id = ${orgID} AND name = ${DEMO_DASHBOARD} LIMIT 1`;
    if (found) return { added: 0, kpiIDs: [] };
    const kpis = new Map(
      (
        await tx<
          { id: string; name: string }[]
        >`SELECT id, name FROM kpi WHERE organization_id = ${orgID} AND archived_at IS NULL`
      ).map((k) => [k.name, k.id]),
    );
    const [goal] = await tx<{ id: string }[]>`
      SELECT id FROM goal WHERE organization_id = ${orgID} AND archived_at IS NULL ORDER BY created_at LIMIT 1`;
    const dashboardID = randomUUID();
    await tx`INSERT INTO dashboard (id, organization_id, name, shared, time_range, created_by, created_at, updated_at)
             VALUES (${dashboardID}, ${orgID}, ${DEMO_DASHBOARD}, true, '90d', ${userID}, now(), now())`;
    for (const w of DEMO_WIDGETS) {
      const kpiIDs = (w.kpis ?? []).map((name) => kpis.get(name));
      if (kpiIDs.some((id) => !id) || (w.goal && !goal)) continue;
      await insertWidget(tx, { orgID, dashboardID, userID }, w, kpiIDs as string[], w.goal ? (goal?.id ?? null) : null);
    }
    return { added: 1, kpiIDs: [] };
  },
};

async function insertWidget(
  tx: TransactionSql,
  where: { orgID: string; dashboardID: string; userID: string },
  w: DemoWidget,
  kpiIDs: string[],
  goalID: string | null,
) {
  const { orgID, dashboardID, userID } = where;
  const widgetID = randomUUID();
  const [x, y, width, height] = w.at;
  await tx`INSERT INTO dashboard_widget (id, organization_id, dashboard_id, type, goal_id, text, x, y, w, h, options, updated_by, updated_at)
           VALUES (${widgetID}, ${orgID}, ${dashboardID}, ${w.type}, ${goalID}, ${w.text ?? ''}, ${x}, ${y}, ${width}, ${height},
                   ${tx.json(w.options ?? {})}, ${userID}, now())`;
  for (const [position, kpiID] of kpiIDs.entries()) {
    await tx`INSERT INTO dashboard_widget_kpi (id, organization_id, dashboard_id, widget_id, kpi_id, position)
             VALUES (${`${widgetID}:${kpiID}`}, ${orgID}, ${dashboardID}, ${widgetID}, ${kpiID}, ${position})`;
  }
}
