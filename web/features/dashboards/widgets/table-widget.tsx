import { createMemo, createUniqueId, For } from 'solid-js';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { STATUS_LABELS, STATUS_TONES } from '../../kpis/kpi-status.ts';
import { ChangeText } from './change-text.tsx';
import { withUnit } from './formats.ts';
import { readKpi } from './kpi-reading.ts';
import { WidgetBody } from './widget-frame.tsx';
import type { WidgetProps } from './widget-props.ts';
import { kpiNames, periodPhrase, previousPhrase } from './widget-text.ts';

/**
 * Up to 50 KPIs in rows: value at the period's end, target, change against
 * the previous period and status. On a narrow card the table scrolls
 * sideways inside it, never the page.
 */
export function TableWidget(props: WidgetProps) {
  const rows = createMemo(() => props.kpis.map((kpi) => ({ kpi, reading: readKpi(kpi, props.period, props.now) })));
  const against = () => previousPhrase(props.previous, props.period, props.now);
  const captionID = createUniqueId();
  const empty = () => (props.kpis.length === 0 ? 'The KPIs in this table were removed or archived.' : false);

  return (
    <WidgetBody state={props.state} empty={empty()} class="widget-body-table">
      {/* A named, focusable region: the sideways scroll on a narrow card then works from the keyboard too (WCAG 2.1.1). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard. */}
      <section class="widget-table-scroll" aria-labelledby={captionID} tabIndex={0}>
        <table class="data-table widget-table">
          <caption id={captionID} class="visually-hidden">
            {kpiNames(props.kpis, 'KPIs')}: value, target, change vs {against()} and status,{' '}
            {periodPhrase(props.period, props.now)}
          </caption>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col" class="num">
                Value
              </th>
              <th scope="col" class="num">
                Target
              </th>
              <th scope="col" class="num">
                <span title={`Change vs ${against()}`}>Change</span>
                <span class="visually-hidden"> vs {against()}</span>
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr>
                  <th scope="row">
                    <span class="widget-cut" title={row.kpi.name}>
                      {row.kpi.name}
                    </span>
                  </th>
                  <td class="num">{row.reading.value === null ? '—' : withUnit(row.reading.value, row.kpi.unit)}</td>
                  <td class="num widget-muted">
                    {row.kpi.direction === 'lower' ? '≤ ' : ''}
                    {withUnit(row.kpi.target, row.kpi.unit)}
                  </td>
                  <td class="num">
                    <ChangeText change={row.reading.change} unit={row.kpi.unit} against={against()} compact />
                  </td>
                  <td>
                    <StatusBadge
                      tone={STATUS_TONES[row.reading.status]}
                      label={STATUS_LABELS[row.reading.status]}
                      prefix="Status:"
                    />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </WidgetBody>
  );
}
