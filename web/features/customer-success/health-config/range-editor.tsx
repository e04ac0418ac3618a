import { Button } from '@kobalte/core/button';
import { createSignal, For } from 'solid-js';
import { BAND_NAMES, type BandName, referenceRangeInput } from '../../../../shared/health/ranges.ts';
import { readNumber } from '../../../../shared/numbers.ts';
import { rangeOfRow } from '../../../../sync/health-config.ts';
import { mutators } from '../../../../sync/mutators.ts';
import type { ReferenceRangeRow } from '../../../../sync/schema.ts';
import { FormError } from '../../../components/form-error.tsx';
import { Modal } from '../../../components/modal.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { useFormats } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';

type Edges = Record<`${BandName}.${'min' | 'max'}`, string>;

/** Adds or edits a KPI name's reference range; the bands are checked as the server checks them, naming the two at fault. */
export function RangeEditor(props: {
  row?: ReferenceRangeRow | undefined;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const fmt = useFormats();
  const start = props.row ? rangeOfRow(props.row) : undefined;
  const [name, setName] = createSignal(props.row?.kpiName ?? '');
  const [unit, setUnit] = createSignal(props.row?.unit ?? '');
  const [higher, setHigher] = createSignal(start?.higherIsBetter ?? true);
  const [edges, setEdges] = createSignal<Edges>(
    Object.fromEntries(
      BAND_NAMES.flatMap((b) => (['min', 'max'] as const).map((e) => [`${b}.${e}`, start ? String(start[b][e]) : ''])),
    ) as Edges,
  );
  const [error, setError] = createSignal<string>();

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const bands: Record<string, { min: number; max: number }> = {};
    for (const b of BAND_NAMES) {
      const [min, max] = (['min', 'max'] as const).map((x) => readNumber(edges()[`${b}.${x}`], { decimal: fmt().decimal }));
      if (!min?.ok || !max?.ok) return setError(`The ${b} band needs a number for min and max.`);
      bands[b] = { min: min.value, max: max.value };
    }
    const range = { higherIsBetter: higher(), ...bands };
    const checked = referenceRangeInput.safeParse(range);
    if (!checked.success) return setError(checked.error.issues[0]?.message);
    const outcome = await mutate(
      mutators.referenceRange.set({ id: crypto.randomUUID(), kpiName: name(), unit: unit(), ...checked.data }),
    );
    if (outcome.status === 'rejected') return setError(outcome.message);
    props.onOpenChange(false);
  };

  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={props.row ? `Range of ${props.row.kpiName}` : 'New reference range'}
      wide
    >
      <form class="form" onSubmit={(e) => void save(e)} noValidate>
        <div class="form-grid">
          <TextInput label="KPI name" name="kpiName" value={name()} onChange={setName} readOnly={!!props.row} />
          <TextInput label="Unit" name="unit" value={unit()} onChange={setUnit} />
        </div>
        <label class="checkbox">
          <input type="checkbox" checked={higher()} onChange={(e) => setHigher(e.currentTarget.checked)} /> Higher is better
        </label>
        <p class="panel-hint">
          Worst to best: {higher() ? 'critical lowest, then risk, then healthy' : 'critical highest, then risk, then healthy'}.
          Each band starts where the one before it ends.
        </p>
        <div class="band-grid">
          <For each={BAND_NAMES}>
            {(b) => (
              <fieldset class="field">
                <legend>{b}</legend>
                <For each={['min', 'max'] as const}>
                  {(x) => (
                    <label class="field">
                      <span class="field-label">{x}</span>
                      <input
                        class="field-input"
                        inputmode="decimal"
                        name={`${b}.${x}`}
                        value={edges()[`${b}.${x}`]}
                        onInput={(e) => setEdges((all) => ({ ...all, [`${b}.${x}`]: e.currentTarget.value }))}
                      />
                    </label>
                  )}
                </For>
              </fieldset>
            )}
          </For>
        </div>
        <FormError message={error()} />
        <div class="form-actions">
          <Button type="submit" class="button button-primary">
            Save range
          </Button>
        </div>
      </form>
    </Modal>
  );
}
