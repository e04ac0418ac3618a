import { z } from 'zod';
import { idSchema } from '../validation.ts';
import { DASHBOARD_WIDGETS_MAX, GRID_COLUMNS, GRID_MAX_ROWS, WIDGET_MAX_H } from './grid.ts';
import { WIDGET_TYPE_NAMES, widgetSpec } from './registry.ts';
import { CUSTOM_RANGE_MAX_DAYS, TIME_RANGES } from './time-range.ts';

/** Field rules for dashboards and widgets, shared by the web app, the mutators and the REST API. */
export const DASHBOARD_NAME_MAX = 100;
export const WIDGET_TEXT_MAX = 1000;

const whole = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a whole number` })
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);

/** A widget's place on the grid. */
export const cellFields = {
  x: whole('x', 0, GRID_COLUMNS - 1),
  y: whole('y', 0, GRID_MAX_ROWS - 1),
  w: whole('w', 1, GRID_COLUMNS),
  h: whole('h', 1, WIDGET_MAX_H),
};

type Issue = { path: (string | number)[]; message: string };

/** "A gauge widget", "An account health widget". */
const aWidget = (name: string | undefined) => `${/^[aeiou]/i.test(name ?? '') ? 'An' : 'A'} ${name} widget`;

/** What is wrong with a cell as a whole (each field alone already passed). */
function cellIssues(c: { x: number; y: number; w: number; h: number }, minSize?: { w: number; h: number }, label = ''): Issue[] {
  const issues: Issue[] = [];
  if (c.x + c.w > GRID_COLUMNS) issues.push({ path: ['w'], message: `x + w must be at most ${GRID_COLUMNS} (the grid's width)` });
  if (c.y + c.h > GRID_MAX_ROWS) issues.push({ path: ['h'], message: `y + h must be at most ${GRID_MAX_ROWS}` });
  if (minSize && c.w < minSize.w)
    issues.push({ path: ['w'], message: `${aWidget(label)} is at least ${minSize.w} columns wide` });
  if (minSize && c.h < minSize.h) issues.push({ path: ['h'], message: `${aWidget(label)} is at least ${minSize.h} rows tall` });
  return issues;
}

const report = (ctx: z.RefinementCtx, issues: Issue[]) => {
  for (const i of issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
};

/** What a widget holds (its type's spec says which of these it needs). */
export const widgetContent = z.object({
  type: z.string({ error: 'Widget type is required' }),
  kpiIDs: z.array(idSchema, { error: 'kpiIDs must be a list of KPI ids' }).default([]),
  goalID: idSchema.nullable().default(null),
  text: z
    .string({ error: 'Text must be text' })
    .trim()
    .max(WIDGET_TEXT_MAX, `Text must be at most ${WIDGET_TEXT_MAX} characters`)
    .default(''),
  options: z.record(z.string(), z.json(), { error: 'options must be an object of JSON values' }).default({}),
});
export type WidgetContent = z.infer<typeof widgetContent>;

/** Everything its type rules out or requires; the options come back parsed. */
function contentIssues(w: WidgetContent): Issue[] {
  const spec = widgetSpec(w.type);
  if (!spec) return [{ path: ['type'], message: `Widget type must be one of ${WIDGET_TYPE_NAMES.join(', ')}` }];
  const issues: Issue[] = [];
  const name = spec.label.toLowerCase();
  if (!spec.kpis && w.kpiIDs.length > 0) issues.push({ path: ['kpiIDs'], message: `${aWidget(name)} shows no KPIs` });
  if (spec.kpis && (w.kpiIDs.length < spec.kpis.min || w.kpiIDs.length > spec.kpis.max)) {
    const { min, max } = spec.kpis;
    const count = min === max ? `exactly ${min} KPI${min === 1 ? '' : 's'}` : `${min} to ${max} KPIs`;
    issues.push({ path: ['kpiIDs'], message: `${aWidget(name)} shows ${count}` });
  }
  if (new Set(w.kpiIDs).size < w.kpiIDs.length)
    issues.push({ path: ['kpiIDs'], message: 'Each KPI can appear once in a widget' });
  if (spec.goal && !w.goalID) issues.push({ path: ['goalID'], message: `${aWidget(name)} needs a goal` });
  if (!spec.goal && w.goalID) issues.push({ path: ['goalID'], message: `${aWidget(name)} shows no goal` });
  if (spec.text && !w.text) issues.push({ path: ['text'], message: `${aWidget(name)} needs its text` });
  if (!spec.text && w.text) issues.push({ path: ['text'], message: `${aWidget(name)} has no text` });
  const options = spec.options.safeParse(w.options);
  if (!options.success) {
    for (const i of options.error.issues) {
      const message =
        i.code === 'unrecognized_keys' ? `Unknown option for ${aWidget(name).toLowerCase()}: ${i.keys.join(', ')}` : i.message;
      issues.push({ path: ['options', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message });
    }
  }
  return issues;
}

/** A whole widget: what it shows and where. */
export const widgetInput = widgetContent.extend(cellFields).superRefine((w, ctx) => {
  const spec = widgetSpec(w.type);
  report(ctx, [...contentIssues(w), ...cellIssues(w, spec?.minSize, spec?.label.toLowerCase())]);
});
export type WidgetInput = z.infer<typeof widgetInput>;

/** A change to what a widget shows (its type stays). */
export const widgetContentInput = widgetContent.superRefine((w, ctx) => report(ctx, contentIssues(w)));

/** A widget moved or resized. */
export const cellInput = z.object(cellFields).superRefine((c, ctx) => report(ctx, cellIssues(c)));
export { cellIssues };

export const dashboardFields = {
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required')
    .max(DASHBOARD_NAME_MAX, `Name must be at most ${DASHBOARD_NAME_MAX} characters`),
  shared: z.boolean({ error: 'shared must be true or false' }),
  timeRange: z.enum(TIME_RANGES, { error: `Time range must be one of ${TIME_RANGES.join(', ')}` }),
  rangeStart: z.number({ error: 'Range start must be a date' }).refine(Number.isFinite, 'Range start must be a date').nullable(),
  rangeEnd: z.number({ error: 'Range end must be a date' }).refine(Number.isFinite, 'Range end must be a date').nullable(),
};

const DAY = 86_400_000;

/** A custom range needs both dates, in order, at most CUSTOM_RANGE_MAX_DAYS apart; a rolling one neither. */
export function rangeIssues(d: { timeRange: string; rangeStart: number | null; rangeEnd: number | null }): Issue[] {
  if (d.timeRange !== 'custom') return [];
  if (d.rangeStart === null) return [{ path: ['rangeStart'], message: 'A custom time range needs a start date' }];
  if (d.rangeEnd === null) return [{ path: ['rangeEnd'], message: 'A custom time range needs an end date' }];
  if (d.rangeEnd <= d.rangeStart) return [{ path: ['rangeEnd'], message: 'The end date must be after the start date' }];
  if (d.rangeEnd - d.rangeStart > CUSTOM_RANGE_MAX_DAYS * DAY) {
    return [{ path: ['rangeEnd'], message: `A custom time range is at most ${CUSTOM_RANGE_MAX_DAYS} days long` }];
  }
  return [];
}

/** A new dashboard with its widgets. */
export const dashboardInput = z
  .object({
    name: dashboardFields.name,
    shared: dashboardFields.shared.default(false),
    timeRange: dashboardFields.timeRange.default('30d'),
    rangeStart: dashboardFields.rangeStart.default(null),
    rangeEnd: dashboardFields.rangeEnd.default(null),
    widgets: z
      .array(widgetInput)
      .max(DASHBOARD_WIDGETS_MAX, `A dashboard has at most ${DASHBOARD_WIDGETS_MAX} widgets`)
      .default([]),
  })
  .superRefine((d, ctx) => report(ctx, rangeIssues(d)));
export type DashboardInput = z.infer<typeof dashboardInput>;

/** A change to a dashboard's settings; the range is checked with the row's other values (rangeIssues). */
export const dashboardPatch = z.object(dashboardFields).partial();
export type DashboardPatch = z.infer<typeof dashboardPatch>;
