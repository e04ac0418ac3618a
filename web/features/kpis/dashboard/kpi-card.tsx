import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import type { DataPoint, Kpi } from '../../../../sync/schema.ts';
import { Sparkline } from '../../../components/chart/sparkline.tsx';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { useFormats } from '../../organizations/current-organization.tsx';
import { RoleGate } from '../../workspace/role-gate.tsx';
import { timeAgo } from '../format.ts';
import { KpiProgressBar } from '../kpi-progress.tsx';
import { progressText, STATUS_LABELS, STATUS_TONES, standingOf } from '../kpi-status.ts';
import { AddDataPointForm } from './add-data-point-form.tsx';
import { ArrangeControls, type ArrangeProps } from './arrange-controls.tsx';

/** A dashboard row: the KPI with its latest points (newest first) for the sparkline. */
export type DashboardKpi = Kpi & { readonly dataPoints: readonly DataPoint[] };

export interface KPICardProps {
  kpi: DashboardKpi;
  canAddData: boolean;
  now: number;
  /** Set while the person arranges their dashboard. */
  arrange?: ArrangeProps | undefined;
  tall?: boolean;
}

/** One KPI: its latest value against the target, its status and recent trend, live. */
export function KPICard(props: KPICardProps) {
  const fmt = useFormats();
  const standing = createMemo(() => standingOf(props.kpi));
  const status = () => standing().status;
  const withUnit = (n: number) => fmt().quantity(n, props.kpi.unit);
  const hasValue = () => props.kpi.currentValue !== null && props.kpi.currentValue !== undefined;
  // Oldest first for drawing.
  const trend = createMemo(() => [...props.kpi.dataPoints].reverse().map((p) => p.value));
  const trendLabel = () => {
    const values = trend();
    if (values.length < 2) return '';
    return `Trend of the last ${values.length} values, from ${withUnit(values[0]!)} to ${withUnit(values[values.length - 1]!)}`;
  };

  return (
    <article class="kpi-card" aria-label={props.kpi.name} data-kpi-id={props.kpi.id} data-status={status()}>
      <div class="kpi-card-head">
        <h2 class="kpi-name">
          <A href={`/kpis/${props.kpi.id}`} class="kpi-link">
            {props.kpi.name}
          </A>
        </h2>
        <StatusBadge tone={STATUS_TONES[status()]} label={STATUS_LABELS[status()]} prefix="Status:" />
      </div>
      <p class="kpi-value">
        <Show when={hasValue()} fallback={<span class="kpi-empty">No data yet</span>}>
          <span class="kpi-number">{withUnit(props.kpi.currentValue ?? 0)}</span>
        </Show>
      </p>
      <p class="kpi-target">
        Target {withUnit(props.kpi.target)}
        <span class="kpi-direction">{props.kpi.direction === 'lower' ? ' · lower is better' : ''}</span>
      </p>
      <KpiProgressBar progress={standing().progress} status={status()} valueText={progressText(props.kpi, fmt())} />
      <Sparkline
        values={trend()}
        target={props.kpi.target}
        label={trendLabel()}
        tone={STATUS_TONES[status()]}
        height={props.tall ? 120 : 40}
      />
      <Show when={props.kpi.currentAt}>
        {(at) => (
          <p class="kpi-updated">
            Updated <time datetime={new Date(at()).toISOString()}>{timeAgo(at(), props.now)}</time>
          </p>
        )}
      </Show>
      <Show
        when={props.arrange}
        fallback={
          <RoleGate allowed={props.canAddData} action="add data points">
            <AddDataPointForm kpi={props.kpi} />
          </RoleGate>
        }
      >
        {(arrange) => (
          <ArrangeControls
            name={props.kpi.name}
            kpiID={props.kpi.id}
            index={arrange().index}
            count={arrange().count}
            w={arrange().w}
            h={arrange().h}
            onMove={(delta) => arrange().onMove(delta)}
            onResize={(dw, dh) => arrange().onResize(dw, dh)}
          />
        )}
      </Show>
    </article>
  );
}
