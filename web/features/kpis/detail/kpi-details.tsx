import { Show } from 'solid-js';
import type { Kpi, User } from '../../../../sync/schema.ts';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { useFormats } from '../../organizations/current-organization.tsx';
import { categoryLabel, FREQUENCY_LABELS, unitLabel } from '../kpi-options.ts';
import { KpiProgressBar } from '../kpi-progress.tsx';
import { DIRECTION_LABELS, progressText, STATUS_LABELS, STATUS_TONES, standingOf } from '../kpi-status.ts';

export type KpiWithOwner = Kpi & { readonly owner?: User | undefined };

/** The KPI's current value, status and settings, as a description list. */
export function KpiDetails(props: { kpi: KpiWithOwner }) {
  const fmt = useFormats();
  const standing = () => standingOf(props.kpi);
  const status = () => standing().status;
  const withUnit = (n: number) => fmt().quantity(n, props.kpi.unit);
  const hasValue = () => props.kpi.currentValue !== null && props.kpi.currentValue !== undefined;
  return (
    <section class="panel kpi-details" aria-labelledby="kpi-details-title">
      <h2 id="kpi-details-title" class="visually-hidden">
        Summary
      </h2>
      <div class="kpi-headline">
        <p class="kpi-value">
          <Show when={hasValue()} fallback={<span class="kpi-empty">No data yet</span>}>
            {withUnit(props.kpi.currentValue ?? 0)}
          </Show>
        </p>
        <StatusBadge tone={STATUS_TONES[status()]} label={STATUS_LABELS[status()]} prefix="Status:" />
      </div>
      <KpiProgressBar progress={standing().progress} status={status()} valueText={progressText(props.kpi, fmt())} />
      <dl class="details-list">
        <div>
          <dt>Current value</dt>
          <dd data-field="current">
            {hasValue() ? withUnit(props.kpi.currentValue ?? 0) : 'No data yet'}
            <Show when={props.kpi.currentAt}>{(at) => <span class="row-meta"> ({fmt().dateTime(at())})</span>}</Show>
          </dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd data-field="target">{withUnit(props.kpi.target)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {STATUS_LABELS[status()]}
            {/* Off target by how much, in the KPI's unit: the one measure a target of 0 has. */}
            <Show when={!standing().onTarget && standing().gap}>
              {(gap) => (
                <span class="row-meta">
                  {' '}
                  ({withUnit(gap())} {props.kpi.direction === 'lower' ? 'above' : 'below'} target)
                </span>
              )}
            </Show>
          </dd>
        </div>
        <div>
          <dt>Direction</dt>
          <dd>{DIRECTION_LABELS[props.kpi.direction]}</dd>
        </div>
        <div>
          <dt>Unit</dt>
          <dd>{unitLabel(props.kpi.unit)}</dd>
        </div>
        <div>
          <dt>Category</dt>
          <dd>{categoryLabel(props.kpi.category)}</dd>
        </div>
        <div>
          <dt>Frequency</dt>
          <dd>{FREQUENCY_LABELS[props.kpi.frequency] ?? props.kpi.frequency}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{props.kpi.owner?.name ?? (props.kpi.ownerID ? 'Former member' : 'No owner')}</dd>
        </div>
      </dl>
    </section>
  );
}
