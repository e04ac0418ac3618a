import { Collapsible } from '@kobalte/core/collapsible';
import { createMemo, createResource, For, Show } from 'solid-js';
import type { Insight, Kpi } from '../../../../sync/schema.ts';
import { loadConfig } from '../../../lib/config.ts';
import { useFormats } from '../../organizations/current-organization.tsx';
import { timeAgo } from '../format.ts';
import type { PointRow } from './data-points-table.tsx';

const TREND_LABELS: Record<string, string> = {
  up: 'Rising',
  down: 'Falling',
  stable: 'No clear trend',
  'insufficient-data': 'Not enough data yet',
};

const citedIDs = (insight: Insight): string[] =>
  Array.isArray(insight.citedPointIDs) ? insight.citedPointIDs.filter((id): id is string => typeof id === 'string') : [];

/** The newest insight's cited points (to highlight them in the table). */
export function citedPoints(insights: readonly Insight[]): Set<string> {
  const latest = insights[0];
  return new Set(latest ? citedIDs(latest) : []);
}

export interface InsightPanelProps {
  kpi: Kpi;
  insights: readonly Insight[];
  loading: boolean;
  points: readonly PointRow[];
  /** Brings a cited point's row into view. */
  onCite: (pointID: string) => void;
}

function InsightBody(props: {
  insight: Insight;
  kpi: Kpi;
  points: ReadonlyMap<string, PointRow>;
  onCite?: (id: string) => void;
}) {
  const fmt = useFormats();
  const cited = () => citedIDs(props.insight);
  return (
    <div class="insight">
      <p class="insight-summary">{props.insight.summary}</p>
      <dl class="insight-meta">
        <div>
          <dt>Trend</dt>
          <dd>{TREND_LABELS[props.insight.trend] ?? props.insight.trend}</dd>
        </div>
        {/* Confidence is that of a rising or falling trend; for a stable one it would read as certainty about nothing. */}
        <Show when={props.insight.trend === 'up' || props.insight.trend === 'down'}>
          <div>
            <dt>Confidence</dt>
            <dd>{fmt().percent(props.insight.confidence)}</dd>
          </div>
        </Show>
        <div>
          <dt>Generated</dt>
          <dd>
            <time datetime={new Date(props.insight.generatedAt).toISOString()} title={fmt().dateTime(props.insight.generatedAt)}>
              {timeAgo(props.insight.generatedAt)}
            </time>
          </dd>
        </div>
        <div>
          <dt>Written by</dt>
          <dd>
            {props.insight.narrator === 'ai' ? `AI${props.insight.model ? ` (${props.insight.model})` : ''}` : 'Statistics'}
          </dd>
        </div>
      </dl>
      <Show when={props.onCite && cited().length > 0}>
        <p class="insight-cited-title">Based on these points:</p>
        <ul class="insight-cited">
          <For each={cited()}>
            {(id) => {
              const point = () => props.points.get(id);
              return (
                <li>
                  <Show when={point()} fallback={<span class="panel-hint">A point since removed</span>}>
                    {(p) => (
                      <button type="button" class="link-button" onClick={() => props.onCite?.(id)}>
                        {fmt().quantity(p().value, props.kpi.unit)} on {fmt().dateTime(p().recordedAt)}
                      </button>
                    )}
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </div>
  );
}

/**
 * What the statistics (and, when enabled, an AI narrator) say about the
 * KPI: the newest insight with the points it cites, older ones folded away.
 */
export function InsightPanel(props: InsightPanelProps) {
  const [config] = createResource(loadConfig);
  const byId = createMemo(() => new Map(props.points.map((p) => [p.id, p])));
  const latest = () => props.insights[0];
  const older = () => props.insights.slice(1);

  return (
    <section class="panel insight-panel" aria-labelledby="insight-title">
      <h2 id="insight-title">Insight</h2>
      <Show when={config.state === 'ready' && config()?.aiNarration === false}>
        <p class="notice-inline">AI narration is off — summaries are built from the statistics.</p>
      </Show>
      <Show
        when={latest()}
        fallback={
          <p class="panel-hint">
            {props.loading
              ? 'Loading insights…'
              : 'Insights appear after a few data points: trend, confidence and anything unusual.'}
          </p>
        }
      >
        {(insight) => <InsightBody insight={insight()} kpi={props.kpi} points={byId()} onCite={props.onCite} />}
      </Show>
      <Show when={older().length > 0}>
        <Collapsible class="older-insights">
          <Collapsible.Trigger class="button button-small button-ghost collapsible-trigger">
            Older insights ({older().length})
          </Collapsible.Trigger>
          <Collapsible.Content class="collapsible-content">
            <For each={older()}>{(insight) => <InsightBody insight={insight} kpi={props.kpi} points={byId()} />}</For>
          </Collapsible.Content>
        </Collapsible>
      </Show>
    </section>
  );
}
