import type { KpiFacts } from '../../shared/insights/index.ts';
import type { FormatSettings } from '../../shared/locale.ts';
import type { EvidencePoint } from './evidence.ts';

/** What a narrator is told about one KPI: its labels, its facts and the points they rest on. */
export interface NarrationInput {
  /** formats: the organization's locale and currency, for the text's numbers, amounts and dates. */
  kpi: { id: string; name: string; unit: string; formats?: FormatSettings };
  facts: KpiFacts;
  evidence: EvidencePoint[];
}

/**
 * The model's instructions. The facts are computed and checked by our code;
 * the model only words them, so it must add nothing of its own, and every
 * point it mentions must carry a citation we can verify.
 */
export const NARRATIVE_INSTRUCTIONS = [
  'You write a short narrative about one KPI for a business dashboard.',
  'The user message is a JSON document with the KPI, its computed facts and the data points those facts rest on. It is your only source.',
  'Never invent, estimate or calculate numbers, dates, causes or comparisons that are not in it; you may round the numbers it gives.',
  'Write 2 to 3 plain sentences: no lists, no headings, no markdown.',
  'Whenever you mention a data point, cite it right after the mention by its id in square brackets, exactly like [p:ID] (for example [p:3f2a]); cite only ids listed under dataPoints.',
  'confidence is a fraction from 0 to 1: write it as a percentage. slopePerDay is in the KPI unit per day.',
  "If the trend is 'insufficient-data', say that there is not enough data yet to judge a trend.",
  // The dashboard card shows facts.status; an insight that contradicts it (issue 8: "not on course" beside "On track") misleads.
  "facts.status is where the KPI stands as its dashboard card shows it ('on-track', 'at-risk', 'off-track'): use those words for where it stands and never contradict them; forecast.status only says whether the trend reaches the target.",
  'Write numbers, amounts of money and dates as kpi.locale writes them, amounts in kpi.currency when the unit is money.',
].join('\n');

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The facts as the model reads them: the same values, with times as ISO dates instead of epoch milliseconds. */
function readableFacts(facts: KpiFacts) {
  const point = (p: { at: number; value: number } | null) => (p ? { date: iso(p.at), value: p.value } : null);
  return {
    count: facts.count,
    first: point(facts.first),
    last: point(facts.last),
    latestValue: facts.latestValue,
    target: facts.target,
    direction: facts.direction === 'higher' ? 'higher is better' : 'lower is better',
    trend: facts.trend,
    slopePerDay: facts.slopePerDay,
    pValue: facts.pValue,
    confidence: facts.confidence,
    improving: facts.improving,
    anomalies: facts.anomalies.map((a) => ({ date: iso(a.at), value: a.value, score: a.score, direction: a.direction })),
    forecast: {
      status: facts.forecast.status,
      reachDate: iso(facts.forecast.reachAt),
      horizonDate: iso(facts.forecast.horizonAt),
      projectedValue: facts.forecast.projectedValue,
    },
    progress: facts.progress,
    status: facts.status,
  };
}

/** The user message: the facts and the cited-able points, and nothing else of the KPI's data. */
export function narrativePrompt(input: NarrationInput): string {
  return JSON.stringify({
    kpi: {
      name: input.kpi.name,
      unit: input.kpi.unit,
      ...(input.kpi.formats ? { locale: input.kpi.formats.locale, currency: input.kpi.formats.currency } : {}),
    },
    facts: readableFacts(input.facts),
    dataPoints: input.evidence.map((p) => ({ id: p.id, roles: p.roles, date: iso(p.at), value: p.value })),
  });
}
