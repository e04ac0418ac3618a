import { Button } from '@kobalte/core/button';
import { Index, Show } from 'solid-js';
import { SelectField, type SelectOption } from '../../components/select-field.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { useFormats } from '../organizations/current-organization.tsx';

/** One KPI of a goal being edited: raw texts, as typed. */
export interface KpiRowDraft {
  key: string;
  kpiID: string;
  weight: string;
}

export interface RowErrors {
  kpiID?: string;
  weight?: string;
}

export interface GoalKpiRowsProps {
  rows: readonly KpiRowDraft[];
  options: readonly SelectOption[];
  /** Each row's share of the total weight, 0..1, in row order. */
  shares: readonly number[];
  errors: readonly RowErrors[];
  /** A message about the list as a whole (e.g. a KPI twice). */
  listError?: string | undefined;
  onChange: (key: string, patch: Partial<Omit<KpiRowDraft, 'key'>>) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
}

/**
 * Rows are rendered by position (Index), so typing in a weight never rebuilds
 * the row under the cursor.
 *
 * The goal's KPIs with their weights: add and remove rows; each weight is
 * also shown as its share of the total, which is what the goal's progress
 * uses.
 */
export function GoalKpiRows(props: GoalKpiRowsProps) {
  const fmt = useFormats();
  return (
    <fieldset class="goal-kpis">
      <legend class="field-label">KPIs and weights</legend>
      <p class="field-description">
        The goal’s progress is the weighted mean of its KPIs’ progress. Weights are relative: 2 and 1 mean two thirds and one
        third.
      </p>
      <Show when={props.rows.length > 0} fallback={<p class="panel-hint">No KPIs yet: add the ones this goal depends on.</p>}>
        <ol class="goal-kpi-list">
          <Index each={props.rows}>
            {(row, i) => (
              <li class="goal-kpi-row">
                <SelectField
                  class="goal-kpi-select"
                  label={`KPI ${i + 1}`}
                  name={`kpi-${i}`}
                  options={props.options}
                  value={row().kpiID}
                  placeholder="Choose a KPI"
                  error={props.errors[i]?.kpiID}
                  onChange={(kpiID) => props.onChange(row().key, { kpiID })}
                />
                <TextInput
                  class="goal-kpi-weight"
                  label={`Weight ${i + 1}`}
                  name={`weight-${i}`}
                  inputMode="decimal"
                  autocomplete="off"
                  value={row().weight}
                  error={props.errors[i]?.weight}
                  onChange={(weight) => props.onChange(row().key, { weight })}
                />
                <output class="goal-kpi-share" aria-label={`Share of KPI ${i + 1}`}>
                  {fmt().percent(props.shares[i] ?? 0)}
                </output>
                <Button
                  class="button button-small button-danger-ghost goal-kpi-remove"
                  aria-label={`Remove KPI ${i + 1}`}
                  onClick={() => props.onRemove(row().key)}
                >
                  Remove
                </Button>
              </li>
            )}
          </Index>
        </ol>
      </Show>
      <Show when={props.listError}>
        <p class="field-error" role="alert">
          {props.listError}
        </p>
      </Show>
      <Button class="button button-small button-secondary" onClick={() => props.onAdd()}>
        Add a KPI
      </Button>
    </fieldset>
  );
}
