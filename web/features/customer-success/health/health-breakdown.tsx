import { For, Show } from 'solid-js';
import type { KpiBreakdown } from '../../../../shared/health/breakdown.ts';
import type { AccountHealth, HealthTrend } from '../../../../sync/schema.ts';
import { Modal } from '../../../components/modal.tsx';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { useFormats } from '../../organizations/current-organization.tsx';
import { bandLabel, bandTone, scoreBand } from './health-band.ts';

/** A stored health, current (account_health) or of one month (health_trend). */
export type ScoredHealth = Pick<AccountHealth, 'overall' | 'categories' | 'kpis' | 'totalKpis' | 'validKpis' | 'configVersion'> &
  Partial<Pick<AccountHealth, 'updatedAt'>> &
  Partial<Pick<HealthTrend, 'month' | 'computedAt'>>;

export interface HealthBreakdownProps {
  health: ScoredHealth;
  /** What the score is of ("Acme"), for the title. */
  subject: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * "Why this number": the categories with their weights and scores, and each
 * KPI's value, band, the range it was scored against and its score, with the
 * configuration version used. Everything comes from the stored breakdown, so
 * it explains exactly the number shown, even after the ranges change.
 */
export function HealthBreakdown(props: HealthBreakdownProps) {
  const fmt = useFormats();
  const score = (n: number | null | undefined) => (n === null || n === undefined ? '—' : fmt().number(n));
  const version = () =>
    props.health.configVersion === 0 ? 'the defaults (no change made yet)' : `version ${props.health.configVersion}`;
  const when = () => {
    const at = props.health.updatedAt ?? props.health.computedAt;
    return at === undefined ? '' : `, computed ${fmt().dateTime(at)}`;
  };
  const range = (k: KpiBreakdown) => {
    const r = k.range;
    if (!r) return 'No reference range: not scored';
    const q = (n: number) => fmt().quantity(n, r.unit);
    const order = r.higherIsBetter ? (['critical', 'risk', 'healthy'] as const) : (['healthy', 'risk', 'critical'] as const);
    return `${order.map((b) => `${bandLabel(b)} ${q(r[b].min)}–${q(r[b].max)}`).join(', ')} (${r.higherIsBetter ? 'higher' : 'lower'} is better)`;
  };

  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={`Why ${score(props.health.overall)}: ${props.subject}${props.health.month ? `, ${props.health.month}` : ''}`}
      description={
        <>
          Scored under configuration {version()}
          {when()}. {props.health.validKpis} of {props.health.totalKpis} KPIs could be scored.
        </>
      }
      wide
    >
      <div class="health-breakdown">
        <table class="data-table stack-table">
          <caption>Categories: the overall score is their scores weighted by their weights, over those with a score</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Weight</th>
              <th scope="col">Scored KPIs</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.health.categories}>
              {(c) => (
                <tr>
                  <th scope="row" data-label="Category">
                    {c.name}
                  </th>
                  <td data-label="Weight">{fmt().number(c.weight)}</td>
                  <td data-label="Scored KPIs">{c.validKpis}</td>
                  <td data-label="Score">
                    <StatusBadge {...scoreBand(c.score)} label={score(c.score)} prefix={scoreBand(c.score).label} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show
          when={props.health.kpis.length > 0}
          fallback={<p class="panel-hint">This account has no KPI in a health category.</p>}
        >
          <table class="data-table stack-table">
            <caption>KPIs: each scored from its latest value in the band of its reference range</caption>
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">Category (weight)</th>
                <th scope="col">Value</th>
                <th scope="col">Band</th>
                <th scope="col">Range used</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.health.kpis}>
                {(k) => (
                  <tr>
                    <th scope="row" data-label="KPI">
                      {k.name}
                    </th>
                    <td data-label="Category (weight)">
                      {k.category} ({fmt().number(k.weight)})
                    </td>
                    <td data-label="Value">
                      {k.value === null ? 'No value yet' : fmt().quantity(k.value, k.range?.unit ?? '')}
                      <Show when={k.valueAt}>{(at) => <span class="panel-hint"> on {fmt().date(at())}</span>}</Show>
                    </td>
                    <td data-label="Band">
                      <StatusBadge tone={bandTone(k.status)} label={bandLabel(k.status)} />
                    </td>
                    <td data-label="Range used">{range(k)}</td>
                    <td data-label="Score">{score(k.score)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </div>
    </Modal>
  );
}
