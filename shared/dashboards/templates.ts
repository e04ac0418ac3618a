import { type Cell, GRID_COLUMNS } from './grid.ts';

/**
 * Starter dashboards: a useful layout in one click, made from the KPIs an
 * organization already has. Each template looks for KPIs whose name or
 * category mentions its words (MRR, churn, NPS, OEE, ...), best match first,
 * and lays them out as headline numbers, a trend, a bar chart and a table,
 * with a note saying what to add when little matched.
 */
export const TEMPLATE_IDS = ['saas', 'customer-success', 'shop-floor'] as const;
export type TemplateID = (typeof TEMPLATE_IDS)[number];

interface Template {
  name: string;
  description: string;
  words: readonly string[];
  /** A widget that needs no KPI, first and full width (a pack's overview: portfolio health). */
  lead?: { type: string; h: number };
}

export const TEMPLATES: Record<TemplateID, Template> = {
  saas: {
    name: 'SaaS metrics',
    description: 'Revenue, growth and churn at a glance.',
    words: [
      'mrr',
      'arr',
      'revenue',
      'churn',
      'signup',
      'sign-up',
      'customer',
      'trial',
      'conversion',
      'active user',
      'growth',
      'ltv',
      'cac',
    ],
  },
  'customer-success': {
    name: 'Customer success',
    description: 'Health, satisfaction and retention of your accounts.',
    lead: { type: 'portfolioHealth', h: 4 },
    words: [
      'nps',
      'csat',
      'health',
      'churn',
      'retention',
      'renewal',
      'satisfaction',
      'ticket',
      'response',
      'adoption',
      'support',
    ],
  },
  'shop-floor': {
    name: 'Shop floor',
    description: 'Output, quality and downtime on the lines.',
    words: [
      'oee',
      'output',
      'production',
      'units',
      'scrap',
      'defect',
      'downtime',
      'quality',
      'yield',
      'on-time',
      'efficiency',
      'availability',
    ],
  },
};

export interface TemplateKpi {
  id: string;
  name: string;
  category: string;
}

export interface TemplateWidget extends Cell {
  type: string;
  kpiIDs: string[];
  text: string;
  options: Record<string, string | boolean>;
}

/** How well a KPI fits: the position of the first template word it mentions (lower is better), or -1. */
function matchRank(kpi: TemplateKpi, words: readonly string[]): number {
  const hay = `${kpi.name} ${kpi.category}`.toLowerCase();
  return words.findIndex((w) => hay.includes(w));
}

/** The template's widgets for these KPIs. */
export function templateWidgets(id: TemplateID, kpis: readonly TemplateKpi[]): TemplateWidget[] {
  const t = TEMPLATES[id];
  const ranked = kpis
    .map((k) => ({ k, f: matchRank(k, t.words) }))
    .filter((r) => r.f >= 0)
    .sort((a, b) => a.f - b.f || a.k.name.localeCompare(b.k.name))
    .map((r) => r.k);
  const widgets: TemplateWidget[] = [];
  const add = (w: Omit<TemplateWidget, 'text' | 'options'> & Partial<TemplateWidget>) => {
    widgets.push({ text: '', options: {}, ...w });
  };
  let y = 0;
  if (t.lead) {
    add({ type: t.lead.type, kpiIDs: [], x: 0, y, w: GRID_COLUMNS, h: t.lead.h });
    y += t.lead.h;
  }
  const headline = ranked.slice(0, 4);
  for (const [i, k] of headline.entries()) add({ type: 'number', kpiIDs: [k.id], x: i * 3, y, w: 3, h: 2 });
  if (headline.length) y += 2;
  if (ranked.length > 0) {
    add({ type: 'line', kpiIDs: ranked.slice(0, 3).map((k) => k.id), x: 0, y, w: 8, h: 4, options: { showTarget: true } });
    add({ type: 'gauge', kpiIDs: [ranked[0]!.id], x: 8, y, w: 4, h: 4 });
    y += 4;
    add({ type: 'bar', kpiIDs: [ranked[Math.min(1, ranked.length - 1)]!.id], x: 0, y, w: 6, h: 4, options: { bucket: 'month' } });
    add({ type: 'table', kpiIDs: ranked.slice(0, 12).map((k) => k.id), x: 6, y, w: 6, h: 4 });
    y += 4;
  }
  if (ranked.length < 4) {
    const missing = t.words.slice(0, 5).join(', ').toUpperCase();
    add({
      type: 'text',
      kpiIDs: [],
      x: 0,
      y,
      w: GRID_COLUMNS,
      h: 2,
      text: `${t.name}: add KPIs such as ${missing} and put them on this dashboard with "Add widget".`,
    });
  }
  return widgets;
}
