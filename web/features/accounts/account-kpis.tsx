import { createSignal, For, Show } from 'solid-js';
import type { HealthStatus } from '../../../shared/health/ranges.ts';
import { can } from '../../../shared/roles.ts';
import { mutators } from '../../../sync/mutators.ts';
import type { Kpi } from '../../../sync/schema.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Modal } from '../../components/modal.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { showToast } from '../../components/toast.tsx';
import { bandLabel, bandTone } from '../customer-success/health/health-band.ts';
import { useCurrentOrganization, useFormats } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';
import { AccountKpiForm } from './account-kpi-form.tsx';

/** How a KPI scored in the account's current health (from the stored breakdown), if it did. */
export interface KpiScore {
  status: HealthStatus | null;
  score: number | null;
}

/**
 * The account's KPIs: health category, weight, current value and how each
 * scored. Managers add the organization's KPIs to the account, change a
 * KPI's category and weight, or take it off the account (the KPI stays).
 */
export function AccountKpis(props: { accountID: string; kpis: readonly Kpi[]; scores: ReadonlyMap<string, KpiScore> }) {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const canEdit = () => can(org.role(), 'kpi', 'update');
  const [editing, setEditing] = createSignal<Kpi | 'new'>();
  const close = () => setEditing(undefined);
  const unlink = async (kpi: Kpi) => {
    const outcome = await mutate(mutators.kpi.update({ id: kpi.id, accountID: null, healthCategory: null }));
    if (outcome.status === 'rejected') showToast({ title: 'Not removed', description: outcome.message, tone: 'error' });
    return outcome.status !== 'rejected';
  };

  return (
    <section class="panel" aria-labelledby="account-kpis-title">
      <div class="panel-head">
        <h2 id="account-kpis-title">KPIs</h2>
        <Show when={canEdit()}>
          <button type="button" class="button button-secondary button-small" onClick={() => setEditing('new')}>
            Add a KPI
          </button>
        </Show>
      </div>
      <Show
        when={props.kpis.length > 0}
        fallback={
          <p class="panel-hint">
            No KPIs yet. {canEdit() ? 'Add one of your KPIs, or upload the account’s workbook: its health follows.' : ''}
          </p>
        }
      >
        <table class="data-table stack-table">
          <caption class="visually-hidden">The account’s KPIs</caption>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Health category</th>
              <th scope="col" class="num">
                Weight
              </th>
              <th scope="col" class="num">
                Current value
              </th>
              <th scope="col">Band</th>
              <Show when={canEdit()}>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.kpis}>
              {(kpi) => {
                const scored = () => props.scores.get(kpi.id);
                return (
                  <tr data-kpi-id={kpi.id}>
                    <th scope="row">
                      <a href={`/kpis/${kpi.id}`}>{kpi.name}</a>
                    </th>
                    <td data-label="Health category">{kpi.healthCategory ?? 'None'}</td>
                    <td data-label="Weight" class="num">
                      {fmt().number(kpi.weight)}
                    </td>
                    <td data-label="Current value" class="num">
                      {kpi.currentValue === null || kpi.currentValue === undefined
                        ? 'No value yet'
                        : fmt().quantity(kpi.currentValue, kpi.unit)}
                    </td>
                    <td data-label="Band">
                      {(() => {
                        const s = scored();
                        return s?.status ? (
                          <StatusBadge
                            tone={bandTone(s.status)}
                            label={`${bandLabel(s.status)}${s.score === null ? '' : ` · ${fmt().number(s.score)}`}`}
                          />
                        ) : (
                          <span class="muted">{kpi.healthCategory ? 'Not scored' : '—'}</span>
                        );
                      })()}
                    </td>
                    <Show when={canEdit()}>
                      <td class="row-actions">
                        <button
                          type="button"
                          class="button button-ghost button-small"
                          aria-label={`Change category or weight of ${kpi.name}`}
                          onClick={() => setEditing(kpi)}
                        >
                          Change
                        </button>
                        <ConfirmButton
                          label="Remove"
                          ariaLabel={`Remove ${kpi.name} from this account`}
                          triggerClass="button button-ghost button-small"
                          title={`Remove ${kpi.name} from this account?`}
                          description="The KPI and its data stay; it no longer counts towards this account’s health."
                          confirmLabel="Remove"
                          onConfirm={() => unlink(kpi)}
                        />
                      </td>
                    </Show>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </Show>
      <Modal
        open={editing() !== undefined}
        onOpenChange={(open) => !open && close()}
        title={editing() === 'new' ? 'Add a KPI to this account' : 'Health category and weight'}
      >
        <AccountKpiForm
          accountID={props.accountID}
          kpi={editing() === 'new' ? undefined : (editing() as Kpi)}
          onDone={close}
          onCancel={close}
        />
      </Modal>
    </section>
  );
}
