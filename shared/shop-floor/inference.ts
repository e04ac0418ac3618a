import { DAY_MS, instantOf } from './instants.ts';

/** The values the chain may fill in when a record leaves them out. */
export const INFERABLE_FIELDS = ['idealCycleSeconds', 'employees', 'shiftHours', 'opportunitiesPerUnit'] as const;
export type InferableField = (typeof INFERABLE_FIELDS)[number];
type Values = Readonly<Partial<Record<InferableField, number>>>;

/** How far each source is trusted (seed 004): the product's own configuration, its recent history, the organization's default. */
export const CONFIDENCE = { product: 1, history: 0.85, default: 0.5 } as const;
export type InferenceSource = keyof typeof CONFIDENCE;
export const INFERENCE_SOURCES = Object.keys(CONFIDENCE) as [InferenceSource, ...InferenceSource[]];

/** History older than this many days before `asOf` says nothing about today's line. */
export const HISTORY_DAYS = 30;

/** A value the chain filled in, and how far to trust it. */
export interface Inferred {
  field: InferableField;
  source: InferenceSource;
  confidence: number;
  value: number;
}

export interface InferenceSources {
  products: readonly ({ product: string } & Values)[];
  /** Past values per product; `date` as instantOf reads it. */
  history: readonly ({ product: string; date: string } & Values)[];
  defaults: Values;
  /** Epoch ms: the history window ends here. */
  asOf: number;
}

/** Fills `field` for a record of `product` (none: only the default can serve), or null when no source has it. */
export type Infer = (field: InferableField, product: string | undefined) => Inferred | null;

/** The middle value (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The inference chain, in order:
 * 1. the product's configuration (confidence 1.0);
 * 2. the median of the same product's history dated within HISTORY_DAYS up
 *    to `asOf` (0.85): the median, so one odd run (a trial, a breakdown)
 *    does not move it, and all recent runs count, not only the last;
 * 3. the organization's default (0.5).
 * A record without a product can only take the default. Answers are
 * memoized per field and product, so a large request pays for each once.
 */
export function inferenceChain(sources: InferenceSources): Infer {
  const configured = new Map(sources.products.map((p) => [p.product, p]));
  const from = sources.asOf - HISTORY_DAYS * DAY_MS;
  const recent = new Map<string, Values[]>();
  for (const h of sources.history) {
    const at = instantOf(h.date);
    if (at === null || at < from || at > sources.asOf) continue;
    const list = recent.get(h.product);
    if (list) list.push(h);
    else recent.set(h.product, [h]);
  }
  const found = (field: InferableField, source: InferenceSource, value: number): Inferred => ({
    field,
    source,
    confidence: CONFIDENCE[source],
    value,
  });
  const lookUp: Infer = (field, product) => {
    if (product !== undefined) {
      const own = configured.get(product)?.[field];
      if (own !== undefined) return found(field, 'product', own);
      const past = median((recent.get(product) ?? []).flatMap((h) => (h[field] === undefined ? [] : [h[field]])));
      if (past !== null) return found(field, 'history', past);
    }
    const fallback = sources.defaults[field];
    return fallback === undefined ? null : found(field, 'default', fallback);
  };
  const memo = new Map<string, Inferred | null>();
  return (field, product) => {
    const key = JSON.stringify([field, product ?? null]);
    if (!memo.has(key)) memo.set(key, lookUp(field, product));
    return memo.get(key) ?? null;
  };
}
