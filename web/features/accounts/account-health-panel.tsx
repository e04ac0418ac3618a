import { Show } from 'solid-js';
import type { AccountHealth } from '../../../sync/schema.ts';
import { HealthScore } from '../customer-success/health/health-score.tsx';
import { HealthTrendChart } from '../customer-success/health/health-trend-chart.tsx';
import { useFormats } from '../organizations/current-organization.tsx';

/**
 * The account's health, live: the overall score in its band (pressing it
 * opens "why this number"), how many KPIs it rests on, and the monthly trend.
 */
export function AccountHealthPanel(props: { accountID: string; accountName: string; health: AccountHealth | undefined }) {
  const fmt = useFormats();
  return (
    <>
      <section class="panel account-health" aria-labelledby="account-health-title">
        <div class="panel-head">
          <h2 id="account-health-title">Health</h2>
          <HealthScore health={props.health} subject={props.accountName} large />
        </div>
        <Show
          when={props.health}
          fallback={<p class="panel-hint">Not scored yet: add KPIs with a health category, a reference range and a value.</p>}
        >
          {(h) => (
            <p class="panel-hint">
              {h().validKpis} of {h().totalKpis} KPIs scored · configuration v{h().configVersion} · updated{' '}
              {fmt().dateTime(h().updatedAt)}
            </p>
          )}
        </Show>
      </section>
      <HealthTrendChart accountID={props.accountID} accountName={props.accountName} />
    </>
  );
}
