import { createMemo, For, Show } from 'solid-js';
import { normalizeWeights } from '../../../../shared/goals.ts';
import { sortedLinks } from '../../goals/goal-form.tsx';
import { PaceBadge } from '../../goals/pace.tsx';
import { KpiProgressBar } from '../../kpis/kpi-progress.tsx';
import { progressOf, statusOfProgress } from '../../kpis/kpi-status.ts';
import { formatPercent, formatUtcDate } from './formats.ts';
import { WidgetBody } from './widget-frame.tsx';
import type { WidgetProps } from './widget-props.ts';

/**
 * A goal's weighted progress and pace, as the goals page shows them (the
 * stored, server-kept values), and its KPIs with their share of the weight.
 */
export function GoalWidget(props: WidgetProps) {
  const links = createMemo(() => (props.goal ? sortedLinks(props.goal) : []));
  const shares = createMemo(() => normalizeWeights(links()));
  const empty = () => (props.goal ? false : 'The goal on this widget was removed or archived.');

  return (
    <WidgetBody state={props.state} empty={empty()} class="widget-body-goal">
      <Show when={props.goal}>
        {(goal) => (
          <div class="widget-goal">
            <div class="widget-goal-head">
              <PaceBadge pace={goal().pace} />
              <span class="widget-muted">Due {formatUtcDate(goal().targetDate)}</span>
            </div>
            <KpiProgressBar
              progress={goal().progress ?? null}
              status={statusOfProgress(goal().progress)}
              label="Progress"
              valueText={(v) => `${v}% complete`}
            />
            <Show when={links().length > 0} fallback={<p class="widget-muted">No KPIs in this goal yet.</p>}>
              <table class="widget-goal-kpis">
                <caption class="visually-hidden">KPIs of {goal().title}, with their weight and progress</caption>
                <thead class="visually-hidden">
                  <tr>
                    <th scope="col">KPI</th>
                    <th scope="col">Weight</th>
                    <th scope="col">Progress</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={links()}>
                    {(link, i) => (
                      <tr>
                        <th scope="row">
                          <span class="widget-cut" title={link.kpi?.name ?? 'Unknown KPI'}>
                            {link.kpi?.name ?? 'Unknown KPI'}
                          </span>
                        </th>
                        <td class="num widget-muted">
                          {Math.round((shares()[i()] ?? 0) * 100)} %<span class="visually-hidden"> of the weight</span>
                        </td>
                        <td class="num">{link.kpi ? formatPercent(progressOf(link.kpi)) : '—'}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </div>
        )}
      </Show>
    </WidgetBody>
  );
}
