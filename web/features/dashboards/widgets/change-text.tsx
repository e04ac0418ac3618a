import { createMemo, Show } from 'solid-js';
import type { Change } from '../../../../shared/dashboards/series.ts';
import { withUnit } from './formats.ts';
import { formatRatio } from './widget-text.ts';

export interface ChangeTextProps {
  change: Change;
  unit: string;
  /** What the change is measured against: "previous 30 days". */
  against: string;
  /** In a table whose header already says what it is compared with: the amount only. */
  compact?: boolean;
}

type Tone = 'good' | 'bad' | 'neutral';

/**
 * "▲ 4.2 % vs previous 30 days". The colour says good or bad news for the
 * KPI's direction (up is bad for churn) but is never the only cue: the
 * arrow gives the way it moved and the words (read aloud in full, "up 4.2 %
 * vs previous 30 days, better") give both.
 */
export function ChangeText(props: ChangeTextProps) {
  const view = createMemo(() => {
    const c = props.change;
    const tone: Tone = c.better === null ? 'neutral' : c.better ? 'good' : 'bad';
    if (c.delta === null) return { tone, arrow: '', way: '', amount: '', verdict: '', unknown: true };
    if (c.delta === 0) return { tone, arrow: '=', way: '', amount: 'no change', verdict: '', unknown: false };
    // With nothing to divide by (a previous value of 0), the move is given in the KPI's unit.
    const amount = c.ratio === null ? withUnit(Math.abs(c.delta), props.unit) : formatRatio(c.ratio);
    const up = c.delta > 0;
    return {
      tone,
      arrow: up ? '▲' : '▼',
      way: up ? 'up' : 'down',
      amount,
      verdict: c.better === null ? '' : c.better ? ', better' : ', worse',
      unknown: false,
    };
  });

  return (
    <span class="widget-change" data-tone={view().tone}>
      <Show
        when={!view().unknown}
        fallback={
          <span class="widget-change-none">
            {props.compact ? (
              <>
                <span aria-hidden="true">—</span>
                <span class="visually-hidden">no earlier value to compare</span>
              </>
            ) : (
              'No earlier value to compare'
            )}
          </span>
        }
      >
        <span class="widget-change-amount">
          <span class="widget-change-arrow" aria-hidden="true">
            {view().arrow}
          </span>{' '}
          <Show when={view().way}>
            <span class="visually-hidden">{view().way} </span>
          </Show>
          {view().amount}
        </span>
        <Show when={!props.compact}>
          <span class="widget-change-against"> vs {props.against}</span>
        </Show>
        <span class="visually-hidden">{view().verdict}</span>
      </Show>
    </span>
  );
}
