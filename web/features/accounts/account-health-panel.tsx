import { Show } from 'solid-js';
import type { AccountHealth } from '../../../sync/schema.ts';
import { useFormats } from '../organizations/current-organization.tsx';
import { HealthChip } from './health-chip.tsx';

/** The account's current health, live: its overall score and band, and when it was last computed. */
export function AccountHealthPanel(props: { accountID: string; health: AccountHealth | undefined }) {
  const fmt = useFormats();
  return (
    <section class="panel account-health" aria-labelledby="account-health-title">
      <div class="panel-head">
        <h2 id="account-health-title">Health</h2>
        <HealthChip score={props.health?.overall ?? null} />
      </div>
      <Show
        when={props.health}
        fallback={<p class="panel-hint">Not scored yet: add KPIs with a health category, a reference range and a value.</p>}
      >
        {(h) => (
          <p class="panel-hint">
            {h().validKpis} of {h().totalKpis} KPIs scored · updated {fmt().dateTime(h().updatedAt)}
          </p>
        )}
      </Show>
    </section>
  );
}
