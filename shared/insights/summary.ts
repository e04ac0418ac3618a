import type { Anomaly } from './anomalies.ts';
import type { KpiFacts } from './describe-kpi.ts';
import { MAX_FORECAST_DAYS } from './forecast.ts';
import { formatPercent, formatQuantity, formatRate, isoDate } from './format.ts';
import { MIN_TREND_POINTS } from './trend.ts';

export interface SummaryLabels {
  /** The KPI's name, e.g. "Weekly active users". */
  name: string;
  /** The KPI's unit, e.g. "users", "$", "%", or "". */
  unit: string;
}

const COUNT_WORDS = ['No', 'One', 'Two', 'Three'];

function anomalySentence(anomalies: readonly Anomaly[], unit: string): string | null {
  const n = anomalies.length;
  if (n === 0) return null;
  const describe = (a: Anomaly, withDirection: boolean) =>
    `${formatQuantity(a.value, unit)}${withDirection ? ` (${a.direction === 'above' ? 'high' : 'low'})` : ''} on ${isoDate(a.at)}`;
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

/** The trend sentence (without its full stop) for an up or down trend. */
function trendSentence(facts: KpiFacts, name: string, unit: string, target: string): string {
  const moving = facts.trend === 'up' ? 'rising' : 'falling';
  const rate = formatRate(facts.slopePerDay ?? 0, unit);
  let text = `${name} is ${moving} (${rate}, ${formatPercent(facts.confidence)} confidence)`;
  if (facts.direction === 'lower') {
    text += facts.improving ? ', an improvement since lower is better,' : ', a deterioration since lower is better,';
  }
  const { status, reachAt } = facts.forecast;
  if (status === 'reached') {
    return `${text} ${facts.improving ? 'and has reached' : 'but still meets'} its target of ${target}`;
  }
  if (status === 'on-course' && reachAt !== null) {
    return `${text} and should reach its target of ${target} around ${isoDate(reachAt)}`;
  }
  if (facts.improving) {
    return `${text} but is not expected to reach its target of ${target} within ${Math.round(MAX_FORECAST_DAYS / 365)} years`;
  }
  return `${text} and is moving away from its target of ${target}`;
}

/**
 * A short plain-language summary (1 to 3 sentences) built only from the facts.
 * Deterministic: ISO dates (UTC), numbers with at most 2 decimals.
 */
export function plainSummary(facts: KpiFacts, labels: SummaryLabels): string {
  const name = labels.name.trim() || 'This KPI';
  const { unit } = labels;
  const target = formatQuantity(facts.target, unit);
  const latest = facts.latestValue === null ? null : formatQuantity(facts.latestValue, unit);

  if (latest === null) return `${name} has no data yet; its target is ${target}.`;
  if (facts.trend === 'insufficient-data') {
    const points = `${facts.count} data point${facts.count === 1 ? '' : 's'}`;
    return (
      `${name} does not have enough data to judge a trend yet (${points}; it takes at least ${MIN_TREND_POINTS}, at different times). ` +
      `The latest value is ${latest} against a target of ${target}.`
    );
  }

  const sentences: string[] = [];
  if (facts.trend === 'stable') {
    const reached = facts.forecast.status === 'reached';
    sentences.push(
      `${name} shows no clear trend (latest value ${latest}) and ${reached ? 'meets' : 'is not on course to reach'} its target of ${target}.`,
    );
  } else {
    sentences.push(`${trendSentence(facts, name, unit, target)}.`);
  }
  const unusual = anomalySentence(facts.anomalies, unit);
  if (unusual) sentences.push(unusual);
  return sentences.join(' ');
}
