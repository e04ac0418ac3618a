import type { Formats } from '../formats.ts';
import type { KpiStatus } from '../progress.ts';
import type { Anomaly } from './anomalies.ts';
import type { KpiFacts } from './describe-kpi.ts';
import { MAX_FORECAST_DAYS } from './forecast.ts';
import { formatDay, formatPercent, formatQuantity, formatRate } from './format.ts';
import { MIN_TREND_POINTS } from './trend.ts';

export interface SummaryLabels {
  /** The KPI's name, e.g. "Weekly active users". */
  name: string;
  /** The KPI's unit, e.g. "users", "$", "%", or "". */
  unit: string;
  /** The organization's formats (shared/formats.ts); en-US in UTC without. */
  formats?: Formats;
}

/** The card's status in a sentence ("On track" on the card, "is on track" here): the same kpiStanding rule. */
const STATUS_WORDS: Record<Exclude<KpiStatus, 'no-data'>, string> = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
};

const COUNT_WORDS = ['No', 'One', 'Two', 'Three'];

function anomalySentence(anomalies: readonly Anomaly[], unit: string, formats: Formats | undefined): string | null {
  const n = anomalies.length;
  if (n === 0) return null;
  const describe = (a: Anomaly, withDirection: boolean) =>
    `${formatQuantity(a.value, unit, formats)}${withDirection ? ` (${a.direction === 'above' ? 'high' : 'low'})` : ''} on ${formatDay(a.at, formats)}`;
  if (n === 1) {
    const a = anomalies[0]!;
    return `One unusually ${a.direction === 'above' ? 'high' : 'low'} value: ${describe(a, false)}.`;
  }
  if (n <= 3) {
    const parts = anomalies.map((a) => describe(a, true));
    return `${COUNT_WORDS[n]} unusual values: ${parts.slice(0, -1).join(', ')} and ${parts[n - 1]}.`;
  }
  return `${n} unusual values, the latest ${describe(anomalies[n - 1]!, true)}.`;
}

/**
 * Where the KPI stands, in the card's words (facts.status is kpiStanding's,
 * as the card's): "meets its target of T", "is on track, close to its target
 * of T", "is at risk against its target of T".
 */
function standing(facts: KpiFacts, target: string): string {
  if (facts.forecast.status === 'reached') return `meets its target of ${target}`;
  if (facts.status === 'on-track') return `is on track, close to its target of ${target}`;
  return `is ${facts.status === 'no-data' ? 'without data' : STATUS_WORDS[facts.status]} against its target of ${target}`;
}

/**
 * The trend sentence (without its full stop) for an up or down trend. Whether
 * the target will be reached comes from the forecast; when it will not, a
 * KPI the card calls "On track" is called on track here too, never "not on
 * course".
 */
function trendSentence(facts: KpiFacts, labels: SummaryLabels, target: string): string {
  const { unit, formats } = labels;
  const moving = facts.trend === 'up' ? 'rising' : 'falling';
  const rate = formatRate(facts.slopePerDay ?? 0, unit, formats);
  let text = `${labels.name} is ${moving} (${rate}, ${formatPercent(facts.confidence, formats)} confidence)`;
  if (facts.direction === 'lower') {
    text += facts.improving ? ', an improvement since lower is better,' : ', a deterioration since lower is better,';
  }
  const { status, reachAt } = facts.forecast;
  if (status === 'reached') {
    return `${text} ${facts.improving ? 'and has reached' : 'but still meets'} its target of ${target}`;
  }
  if (status === 'on-course' && reachAt !== null) {
    return `${text} and should reach its target of ${target} around ${formatDay(reachAt, formats)}`;
  }
  const onTrack = facts.status === 'on-track';
  if (facts.improving) {
    return onTrack
      ? `${text} and ${standing(facts, target)}`
      : `${text} but is not expected to reach its target of ${target} within ${Math.round(MAX_FORECAST_DAYS / 365)} years`;
  }
  return onTrack
    ? `${text} and ${standing(facts, target)}, but moving away from it`
    : `${text} and is moving away from its target of ${target}`;
}

/**
 * A short plain-language summary (1 to 3 sentences) built only from the
 * facts, in the organization's formats (labels.formats).
 */
export function plainSummary(facts: KpiFacts, labels: SummaryLabels): string {
  const named = { ...labels, name: labels.name.trim() || 'This KPI' };
  const { name, unit, formats } = named;
  const target = formatQuantity(facts.target, unit, formats);
  const latest = facts.latestValue === null ? null : formatQuantity(facts.latestValue, unit, formats);

  if (latest === null) return `${name} has no data yet; its target is ${target}.`;
  if (facts.trend === 'insufficient-data') {
    const points = `${facts.count} data point${facts.count === 1 ? '' : 's'}`;
    return (
      `${name} does not have enough data to judge a trend yet (${points}; it takes at least ${MIN_TREND_POINTS}, at different times). ` +
      `The latest value is ${latest} and ${standing(facts, target)}.`
    );
  }

  const sentences: string[] = [];
  if (facts.trend === 'stable') {
    sentences.push(`${name} shows no clear trend (latest value ${latest}) and ${standing(facts, target)}.`);
  } else {
    sentences.push(`${trendSentence(facts, named, target)}.`);
  }
  const unusual = anomalySentence(facts.anomalies, unit, formats);
  if (unusual) sentences.push(unusual);
  return sentences.join(' ');
}
