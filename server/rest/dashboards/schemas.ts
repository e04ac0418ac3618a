import { z } from '@hono/zod-openapi';
import { WIDGET_TYPE_NAMES, WIDGET_TYPES } from '../../../shared/dashboards/registry.ts';
import { TIME_RANGES } from '../../../shared/dashboards/time-range.ts';
import type { Dashboard, DashboardWidget, DashboardWidgetKpi } from '../../../sync/schema.ts';
import { restFields } from '../issues.ts';
import { iso } from '../json.ts';
import { isoDateTime } from '../openapi.ts';

/** How /api/dashboards names the shared rules' fields. */
export const dashboardRestFields = restFields({ kpiIDs: 'kpiIds', goalID: 'goalId' });

/** Each widget type's options, from its spec (a pack's types document their own). */
const OPTIONS_HELP = `${Object.entries(WIDGET_TYPES)
  .flatMap(([type, spec]) => (spec.optionsHelp ? [`${type}: ${spec.optionsHelp}`] : []))
  .join('; ')}; other types none`;

const cell = (what: string, example: number) => z.number().openapi({ description: what, example });

/** A widget as scripts send it. The shared rules (and the widget's type) decide what is valid; errors name the field. */
const WidgetBody = z
  .object({
    id: z
      .string()
      .optional()
      .openapi({ description: 'On PUT: an existing widget’s id keeps it (and its place in others’ screens)' }),
    type: z.string().openapi({
      description: `One of ${WIDGET_TYPE_NAMES.map((t) => `${t} (${WIDGET_TYPES[t]!.label})`).join(', ')}`,
      // Listed for clients; the shared rules check it, so a wrong type is a 400 naming the field.
      enum: WIDGET_TYPE_NAMES,
      example: 'number',
    }),
    kpiIds: z.array(z.string()).optional().openapi({
      description: 'The KPIs it shows, in order: number and gauge 1, line 1-6, bar 1-3, table 1-50; goal and text none',
    }),
    goalId: z.string().nullable().optional().openapi({ description: 'The goal a goal widget shows' }),
    text: z.string().optional().openapi({ description: 'A text widget’s note (at most 1,000 characters)' }),
    x: cell('Column, 0-11 (the grid is 12 columns wide)', 0),
    y: cell('Row, from 0', 0),
    w: cell('Width in columns; x + w <= 12', 3),
    h: cell('Height in rows, 1-12', 2),
    options: z.record(z.string(), z.unknown()).optional().openapi({
      description: OPTIONS_HELP,
    }),
  })
  .openapi('WidgetInput');

const settings = {
  shared: z.boolean().optional().openapi({
    description: 'Shared with the organization (managers and up) or private to you (the default)',
  }),
  timeRange: z
    .string()
    .optional()
    .openapi({ description: `One of ${TIME_RANGES.join(', ')}; default 30d`, example: '30d' }),
  rangeStart: isoDateTime('rangeStart').optional().openapi({ description: 'Start of a custom range' }),
  rangeEnd: isoDateTime('rangeEnd').optional().openapi({ description: 'End of a custom range' }),
};

export const DashboardCreateSchema = z
  .object({
    name: z.string().openapi({ example: 'Weekly business review' }),
    ...settings,
    widgets: z.array(WidgetBody).max(200).default([]),
  })
  .openapi('DashboardCreate');

export const DashboardUpdateSchema = z
  .object({
    name: z.string().optional(),
    ...settings,
    widgets: z.array(WidgetBody).max(200).optional().openapi({
      description:
        'Replaces the widgets: ones with a known `id` are updated in place, others added; widgets left out are removed',
    }),
  })
  .openapi('DashboardUpdate');

export type WidgetBodyInput = z.infer<typeof WidgetBody>;

const WidgetSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    kpiIds: z.array(z.string()),
    goalId: z.string().nullable(),
    text: z.string(),
    x: z.number(),
    y: z.number(),
    w: z.number(),
    h: z.number(),
    options: z.record(z.string(), z.unknown()),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Widget');

export const DashboardSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    shared: z.boolean(),
    timeRange: z.enum(TIME_RANGES),
    rangeStart: z.string().nullable().openapi({ format: 'date-time' }),
    rangeEnd: z.string().nullable().openapi({ format: 'date-time' }),
    createdBy: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
    widgets: z.array(WidgetSchema),
  })
  .openapi('Dashboard');

export const ShareCreateSchema = z
  .object({
    expiresAt: isoDateTime('expiresAt').optional().openapi({ description: 'When the link stops working; none: until revoked' }),
  })
  .openapi('ShareLinkCreate');

export const ShareLinkSchema = z
  .object({
    id: z.string(),
    url: z.string().openapi({
      description: 'Open it on a wall screen: no sign-in, this dashboard only, live',
      example: 'https://kpi.example.com/tv/lks_...',
    }),
    token: z.string().openapi({ description: 'The secret in the URL. Shown this once; only its hash is kept.' }),
    expiresAt: z.string().nullable().openapi({ format: 'date-time' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('ShareLink');

export const ShareRevokedSchema = z
  .object({ revoked: z.number().openapi({ description: 'How many live links were revoked (0 when there were none)' }) })
  .openapi('ShareLinksRevoked');

export type DashboardRow = Dashboard & {
  readonly widgets: readonly (DashboardWidget & { readonly kpiLinks: readonly DashboardWidgetKpi[] })[];
};

export function dashboardJson(d: DashboardRow): z.infer<typeof DashboardSchema> {
  return {
    id: d.id,
    name: d.name,
    shared: d.shared,
    timeRange: d.timeRange,
    rangeStart: d.rangeStart ? iso(d.rangeStart) : null,
    rangeEnd: d.rangeEnd ? iso(d.rangeEnd) : null,
    createdBy: d.createdBy ?? null,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
    widgets: d.widgets.map((w) => ({
      id: w.id,
      type: w.type,
      kpiIds: [...w.kpiLinks].sort((a, b) => a.position - b.position).map((l) => l.kpiID),
      goalId: w.goalID ?? null,
      text: w.text,
      x: w.x,
      y: w.y,
      w: w.w,
      h: w.h,
      options: { ...w.options },
      updatedAt: iso(w.updatedAt),
    })),
  };
}

/** A REST widget as the mutators take it. */
export const widgetArgs = (w: WidgetBodyInput) => ({
  type: w.type,
  kpiIDs: w.kpiIds ?? [],
  goalID: w.goalId ?? null,
  text: w.text ?? '',
  x: w.x,
  y: w.y,
  w: w.w,
  h: w.h,
  // JSON in, so JSON values; the widget's type checks them.
  options: (w.options ?? {}) as Record<string, never>,
});

/** The settings a body sets, as the mutators take them (dates as epoch ms). */
export function settingsArgs(body: {
  shared?: boolean | undefined;
  timeRange?: string | undefined;
  rangeStart?: string | undefined;
  rangeEnd?: string | undefined;
}) {
  return {
    ...(body.shared !== undefined ? { shared: body.shared } : {}),
    ...(body.timeRange !== undefined ? { timeRange: body.timeRange } : {}),
    ...(body.rangeStart !== undefined ? { rangeStart: Date.parse(body.rangeStart) } : {}),
    ...(body.rangeEnd !== undefined ? { rangeEnd: Date.parse(body.rangeEnd) } : {}),
  };
}
