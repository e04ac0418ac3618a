import { Button } from '@kobalte/core/button';
import { createSignal, For, Show } from 'solid-js';
import { KPI_CATEGORY_MAX, KPI_UNIT_MAX } from '../../../shared/kpi.ts';
import { mutators } from '../../../sync/mutators.ts';
import type { KpiOption } from '../../../sync/schema.ts';
import { TextInput } from '../../components/text-input.tsx';
import { showToast } from '../../components/toast.tsx';
import { useWriteAccess } from '../../lib/write-access.ts';
import { categoryLabel, unitLabel } from '../kpis/kpi-options.ts';
import { mutate } from '../sync/mutate.ts';
import { RoleGate } from '../workspace/role-gate.tsx';

export interface OptionListProps {
  kind: 'unit' | 'category';
  defaults: readonly string[];
  extra: readonly KpiOption[];
  canManage: boolean;
  loading: boolean;
}

/**
 * One of the organization's lists (units or categories): the predefined
 * entries, read-only, and the organization's own additions, which admins
 * add and remove. KPIs already using a removed entry keep it.
 */
export function OptionList(props: OptionListProps) {
  const noun = () => (props.kind === 'unit' ? 'unit' : 'category');
  const title = () => (props.kind === 'unit' ? 'Units' : 'Categories');
  const max = () => (props.kind === 'unit' ? KPI_UNIT_MAX : KPI_CATEGORY_MAX);
  const label = (v: string) => (props.kind === 'unit' ? unitLabel(v) : categoryLabel(v));

  const taken = (value: string) => props.defaults.includes(value) || props.extra.some((o) => o.value === value);
  const remove = async (option: KpiOption) => {
    const outcome = await mutate(mutators.kpiOption.remove({ id: option.id }));
    if (outcome.status !== 'rejected') {
      showToast({ title: `Removed “${option.value}”`, description: 'KPIs that use it keep it.', tone: 'success' });
    }
  };

  return (
    <section class="panel" aria-labelledby={`${props.kind}-list-title`}>
      <h2 id={`${props.kind}-list-title`}>{title()}</h2>
      <p class="panel-hint">Predefined (always available):</p>
      <ul class="chip-list" aria-label={`Predefined ${title().toLowerCase()}`}>
        <For each={props.defaults}>{(v) => <li class="chip">{label(v)}</li>}</For>
      </ul>
      <p class="panel-hint">Added by your organization:</p>
      <Show
        when={props.extra.length > 0}
        fallback={
          <p class="panel-hint">{props.loading ? 'Loading…' : `None yet.${props.canManage ? ` Add a ${noun()} below.` : ''}`}</p>
        }
      >
        <ul class="chip-list" aria-label={`Your organization’s ${title().toLowerCase()}`}>
          <For each={props.extra}>
            {(option) => (
              <li class="chip chip-removable">
                {option.value}
                <Show when={props.canManage}>
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label={`Remove ${noun()} ${option.value}`}
                    onClick={() => void remove(option)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <RoleGate allowed={props.canManage} action={`change the ${noun()} list`}>
        <AddOptionForm kind={props.kind} noun={noun()} max={max()} taken={taken} />
      </RoleGate>
      <Show when={!props.canManage}>
        <p class="panel-hint">Only owners and admins can change this list.</p>
      </Show>
    </section>
  );
}

interface AddOptionFormProps {
  kind: 'unit' | 'category';
  noun: string;
  max: number;
  taken: (value: string) => boolean;
}

/** "New unit" / "New category": inside a role gate, so a half-typed entry survives a demotion, with the reason. */
function AddOptionForm(props: AddOptionFormProps) {
  const [draft, setDraft] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const access = useWriteAccess();
  access?.holdWhile(() => draft() !== '');
  const lost = () => access?.lost();

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    if (lost()) return;
    const value = draft().trim();
    if (!value) return setError(`Type a ${props.noun} to add.`);
    if (value.length > props.max) return setError(`A ${props.noun} can be at most ${props.max} characters.`);
    if (props.taken(value)) return setError(`“${value}” is already in the list.`);
    setError(undefined);
    setBusy(true);
    const outcome = await mutate(mutators.kpiOption.add({ id: crypto.randomUUID(), kind: props.kind, value }));
    setBusy(false);
    if (outcome.status === 'rejected') return setError(outcome.message);
    setDraft('');
  };

  return (
    <form class="inline-form" onSubmit={(e) => void add(e)} noValidate>
      <TextInput
        label={`New ${props.noun}`}
        name={`new-${props.kind}`}
        autocomplete="off"
        value={draft()}
        onChange={(v) => {
          setDraft(v);
          if (error()) setError(undefined);
        }}
        error={lost() ?? error()}
      />
      <Button type="submit" class="button button-secondary" disabled={busy() || !!lost()}>
        Add {props.noun}
      </Button>
    </form>
  );
}
