import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createSignal, For, Show } from 'solid-js';
import { HEALTH_CATEGORIES } from '../../../../shared/health/weights.ts';
import { readNumber } from '../../../../shared/numbers.ts';
import { weightsOrDefault } from '../../../../sync/health-config.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { queries } from '../../../../sync/queries.ts';
import { FormError } from '../../../components/form-error.tsx';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';

/**
 * The organization's category weights (the seed-002 defaults until an admin
 * saves others). Weights are relative: the overall score renormalizes over
 * the categories that have a score.
 */
export function WeightsPanel(props: { canEdit: boolean }) {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const [row] = useQuery(() => queries.health.weights({ orgID: org.orgID }));
  const saved = () => weightsOrDefault(row());
  const [drafts, setDrafts] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string>();
  const text = (c: string) => drafts()[c] ?? String(saved()[c] ?? 0);

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const weights: Record<string, number> = {};
    for (const c of HEALTH_CATEGORIES) {
      const read = readNumber(text(c), { decimal: fmt().decimal });
      if (!read.ok) return setError(`${c}: ${read.reason}`);
      weights[c] = read.value;
    }
    const outcome = await mutate(mutators.categoryWeights.set({ weights }));
    if (outcome.status === 'rejected') return setError(outcome.message);
    setError(undefined);
    setDrafts({});
  };

  return (
    <section class="panel" aria-labelledby="weights-title">
      <h2 id="weights-title">Category weights</h2>
      <p class="panel-hint">How much each category counts in an account’s overall health. Relative: they need not add up to 1.</p>
      <form class="form" onSubmit={(e) => void save(e)} noValidate>
        <div class="form-grid">
          <For each={HEALTH_CATEGORIES}>
            {(c) => (
              <label class="field">
                <span class="field-label">{c}</span>
                <input
                  class="field-input"
                  inputmode="decimal"
                  name={c}
                  value={text(c)}
                  disabled={!props.canEdit}
                  onInput={(e) => setDrafts((d) => ({ ...d, [c]: e.currentTarget.value }))}
                />
              </label>
            )}
          </For>
        </div>
        <FormError message={error()} />
        <Show when={props.canEdit}>
          <div class="form-actions">
            <Button type="submit" class="button button-primary" disabled={Object.keys(drafts()).length === 0}>
              Save weights
            </Button>
          </div>
        </Show>
      </form>
    </section>
  );
}
