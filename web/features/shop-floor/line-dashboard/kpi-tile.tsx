import { Button } from '@kobalte/core/button';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import type { DashboardKpi, DashboardResult } from '../../../../shared/shop-floor/line-dashboard.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { EstimateActions, type EstimatedProduct } from './estimate-actions.tsx';
import { estimateText, KPI_LABELS, kpiValueText, shownResult } from './kpi-text.ts';

export interface KpiTileProps {
  name: DashboardKpi;
  result: DashboardResult;
  /** Show the value with estimates (the default) or from measured rows only. */
  withEstimates: boolean;
  products: ReadonlyMap<string, EstimatedProduct>;
  /** Wall screens: no buttons, larger type (the estimate is still said in words). */
  tv?: boolean;
}

/**
 * One KPI as a tile: its value (never capped: above 100 % keeps its value
 * and gets a warning marker), "—" and the reason when there is none, an
 * "Estimated" badge when an estimate went into it (the badge opens the
 * sources and confidences; leaders may accept or override an estimated
 * ideal cycle time there), and the value the other way (with or without
 * estimates).
 */
export function KpiTile(props: KpiTileProps) {
  const org = useCurrentOrganization();
  const fmt = () => org.formats();
  const headingID = createUniqueId();
  const detailsID = createUniqueId();
  const sourcesID = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const shown = () => shownResult(props.result, props.withEstimates);
  const estimated = () => props.result.estimates.length > 0;
  const canEdit = () => !props.tv && can(org.role(), 'product', 'update');
  const productName = (id: string | undefined) => {
    const p = id === undefined ? undefined : props.products.get(id);
    return p ? `${p.code} · ${p.name}` : undefined;
  };
  const other = () => {
    const m = props.result.measured;
    if (!m) return undefined;
    const rows = `${m.leftOut} of ${m.of} shift rows`;
    return props.withEstimates
      ? `Without estimates: ${kpiValueText(fmt(), m)} (leaves out ${rows})`
      : `With estimates: ${kpiValueText(fmt(), props.result)} (this value leaves out ${rows})`;
  };

  return (
    <section class="sf-kpi" classList={{ 'sf-kpi-estimated': estimated() }} aria-labelledby={headingID} data-kpi={props.name}>
      <h3 id={headingID} class="sf-kpi-name">
        {KPI_LABELS[props.name]}
      </h3>
      <p class="sf-kpi-value">
        <span class="sf-kpi-number">{kpiValueText(fmt(), shown())}</span>
        <Show when={shown().warnings.length > 0}>
          <span class="sf-kpi-warning-mark" role="img" aria-label="Warning">
            ⚠
          </span>
        </Show>
      </p>
      <Show when={shown().value === null && shown().reason}>
        <p class="sf-kpi-reason">{shown().reason}</p>
      </Show>
      <For each={shown().warnings}>{(w) => <p class="sf-kpi-warning">{w}</p>}</For>
      <Show when={estimated()}>
        <Show
          when={!props.tv}
          fallback={
            <p class="sf-badge sf-badge-estimated">
              Estimated: {props.result.estimates.map((e) => estimateText(fmt(), e, productName(e.product))).join('; ')}
            </p>
          }
        >
          {/* Said on focus, before anything is opened: each estimate's source and confidence. */}
          <span id={sourcesID} class="visually-hidden">
            {props.result.estimates.map((e) => estimateText(fmt(), e, productName(e.product))).join('; ')}
          </span>
          <Button
            class="sf-badge sf-badge-estimated"
            aria-expanded={open()}
            aria-controls={detailsID}
            aria-describedby={sourcesID}
            onClick={() => setOpen((o) => !o)}
          >
            Estimated<span class="visually-hidden">: show the sources and confidences of {KPI_LABELS[props.name]}</span>
          </Button>
          <Show when={open()}>
            <ul class="sf-estimates" id={detailsID}>
              <For each={props.result.estimates}>
                {(e) => {
                  const product = () => (e.product === undefined ? undefined : props.products.get(e.product));
                  return (
                    <li>
                      {estimateText(fmt(), e, productName(e.product))}
                      <Show when={canEdit() && e.field === 'idealCycleSeconds' && product()}>
                        {(p) => <EstimateActions estimate={e} product={p()} />}
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ul>
          </Show>
        </Show>
        <p class="sf-kpi-other">{other()}</p>
      </Show>
    </section>
  );
}
