import { z } from 'zod';

/**
 * What a widget type needs to be stored: how many KPIs (none, or a range), a
 * goal, a note, its options, and its size when first placed. The server
 * validates every widget against its type's spec; the web app's widget
 * registry (web/features/dashboards/widgets/) renders the same types. A pack
 * adds its own types with defineWidgetTypes and lists them in ./registry.ts.
 */
export interface WidgetTypeSpec {
  label: string;
  /** The KPIs it shows, in order; null when it shows none. */
  kpis: { min: number; max: number } | null;
  goal: boolean;
  text: boolean;
  /** Its options (always an object; `{}` when it has none). */
  options: z.ZodType<Record<string, unknown>>;
  /**
   * Options that name a row of the organization (option key -> the Zero
   * table it names, e.g. `{ accountId: 'account' }`): the server refuses a
   * row of another organization as it refuses another organization's KPI.
   */
  references?: Readonly<Record<string, string>>;
  /** Its options as the REST API documents them (`{"showTarget": bool}`); none when it has none. */
  optionsHelp?: string;
  size: { w: number; h: number };
  minSize: { w: number; h: number };
}

export type WidgetTypes = Readonly<Record<string, WidgetTypeSpec>>;

/** Declares a pack's widget types, keeping their literal names. */
export function defineWidgetTypes<const T extends WidgetTypes>(types: T): T {
  return types;
}

/** Merges packs' widget types; a type named twice is a mistake, refused at start-up. */
export function mergeWidgetTypes(...packs: WidgetTypes[]): WidgetTypes {
  const all: Record<string, WidgetTypeSpec> = {};
  for (const pack of packs) {
    for (const [type, spec] of Object.entries(pack)) {
      if (type in all) throw new Error(`Widget type "${type}" is defined twice.`);
      all[type] = spec;
    }
  }
  return all;
}

const noOptions = z.object({}).strict();
export const BAR_BUCKETS = ['week', 'month'] as const;
export const BAR_AGGREGATES = ['sum', 'average', 'last'] as const;
export type BarBucket = (typeof BAR_BUCKETS)[number];
export type BarAggregate = (typeof BAR_AGGREGATES)[number];

/** The KPI tracker's widgets, which every organization has. */
export const kpiTrackerWidgetTypes = defineWidgetTypes({
  number: {
    label: 'Number',
    kpis: { min: 1, max: 1 },
    goal: false,
    text: false,
    options: noOptions,
    size: { w: 3, h: 2 },
    minSize: { w: 2, h: 2 },
  },
  line: {
    label: 'Line chart',
    kpis: { min: 1, max: 6 },
    goal: false,
    text: false,
    options: z.object({ showTarget: z.boolean({ error: 'showTarget must be true or false' }).optional() }).strict(),
    optionsHelp: '{"showTarget": bool}',
    size: { w: 6, h: 4 },
    minSize: { w: 3, h: 3 },
  },
  bar: {
    label: 'Bar chart',
    kpis: { min: 1, max: 3 },
    goal: false,
    text: false,
    options: z
      .object({
        bucket: z.enum(BAR_BUCKETS, { error: `bucket must be one of ${BAR_BUCKETS.join(', ')}` }).optional(),
        aggregate: z.enum(BAR_AGGREGATES, { error: `aggregate must be one of ${BAR_AGGREGATES.join(', ')}` }).optional(),
      })
      .strict(),
    optionsHelp: `{"bucket": ${BAR_BUCKETS.join('|')}, "aggregate": ${BAR_AGGREGATES.join('|')}}`,
    size: { w: 6, h: 4 },
    minSize: { w: 3, h: 3 },
  },
  gauge: {
    label: 'Gauge',
    kpis: { min: 1, max: 1 },
    goal: false,
    text: false,
    options: noOptions,
    size: { w: 3, h: 3 },
    minSize: { w: 2, h: 2 },
  },
  goal: {
    label: 'Goal',
    kpis: null,
    goal: true,
    text: false,
    options: noOptions,
    size: { w: 4, h: 3 },
    minSize: { w: 3, h: 2 },
  },
  table: {
    label: 'Table',
    kpis: { min: 1, max: 50 },
    goal: false,
    text: false,
    options: noOptions,
    size: { w: 6, h: 4 },
    minSize: { w: 4, h: 2 },
  },
  text: {
    label: 'Text',
    kpis: null,
    goal: false,
    text: true,
    options: noOptions,
    size: { w: 4, h: 2 },
    minSize: { w: 2, h: 1 },
  },
});
