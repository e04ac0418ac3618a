import { Show } from 'solid-js';
import { type DowntimePareto, type ParetoBar, vitalFew } from '../../../../shared/shop-floor/downtime-pareto.ts';
import { ParetoChart } from '../../../components/chart/pareto-chart.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { ChartPanel } from './chart-panel.tsx';

/** Planned and unplanned stops: in words on every label, in colour on the bars. */
const KIND = (b: ParetoBar) => (b.planned === null ? 'unknown' : b.planned ? 'planned' : 'unplanned');
const KIND_COLORS = { planned: '#2563eb', unplanned: '#c2410c', unknown: '#6b7280' } as const;

/**
 * Minutes lost per downtime reason, largest first, with the cumulative share
 * (a Pareto), planned and unplanned told apart in words; and in a sentence,
 * the few reasons behind 80 % of the lost time.
 */
export function DowntimePanel(props: { pareto: DowntimePareto; tv?: boolean }) {
  const org = useCurrentOrganization();
  const fmt = () => org.formats();
  const minutes = (n: number) => `${fmt().number(Math.round(n))} min`;
  const percent = (n: number) => fmt().quantity(Math.round(n * 10) / 10, '%');
  const summary = () => {
    const p = props.pareto;
    if (p.bars.length === 0) return 'No downtime recorded in this range.';
    const few = vitalFew(p);
    const names = few.map((b) => `${b.label} (${KIND(b)}, ${minutes(b.minutes)})`).join(', ');
    return `${minutes(p.totalMinutes)} of downtime in ${p.stops} stops: ${minutes(p.unplannedMinutes)} unplanned, ${minutes(p.plannedMinutes)} planned. ${few.length === 1 ? 'One reason makes' : `${few.length} reasons make`} up ${percent(few[few.length - 1]?.cumulative ?? 0)} of it: ${names}.`;
  };
  return (
    <ChartPanel
      title="Downtime by reason"
      class="sf-panel-wide"
      summary={summary()}
      tv={props.tv ?? false}
      values={{
        head: ['Reason', 'Kind', 'Minutes', 'Stops', 'Share', 'Cumulative'],
        rows: props.pareto.bars.map((b) => ({
          key: b.reasonID,
          cells: [b.label, KIND(b), minutes(b.minutes), fmt().number(b.stops), percent(b.share), percent(b.cumulative)],
        })),
      }}
    >
      <Show when={props.pareto.bars.length > 0}>
        <ParetoChart
          items={props.pareto.bars.map((b) => ({
            label: `${b.label} (${KIND(b)})`,
            value: b.minutes,
            cumulative: b.cumulative,
            color: KIND_COLORS[KIND(b)],
          }))}
          valueName="Minutes"
          formatValue={minutes}
        />
      </Show>
    </ChartPanel>
  );
}
