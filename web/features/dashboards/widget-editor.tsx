import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { widgetContentInput } from '../../../shared/dashboards/fields.ts';
import { firstFreeSpot } from '../../../shared/dashboards/grid.ts';
import { WIDGET_TYPE_NAMES, WIDGET_TYPES, widgetSpec } from '../../../shared/dashboards/registry.ts';
import { BAR_AGGREGATES, BAR_BUCKETS } from '../../../shared/dashboards/widget-types.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import { FormError } from '../../components/form-error.tsx';
import { Modal } from '../../components/modal.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextArea } from '../../components/text-area.tsx';
import { mutate } from '../sync/mutate.ts';
import type { WidgetRow } from './dashboard-data.ts';
import { widgetRenderer } from './widgets/registry.tsx';

/** The option keys each type owns: the KPI tracker's here, a pack's from its renderer. */
const optionKeys = (type: string): readonly string[] =>
  type === 'bar' ? ['bucket', 'aggregate'] : type === 'line' ? ['showTarget'] : (widgetRenderer(type)?.options?.keys ?? []);

export interface WidgetEditorProps {
  orgID: string;
  dashboardID: string;
  /** Editing this widget; none: adding one. */
  widget?: WidgetRow | undefined;
  /** Where the dashboard's widgets are, to place a new one in the first free spot. */
  placed: readonly { x: number; y: number; w: number; h: number }[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

type Options = Record<string, string | boolean>;

/**
 * Adds a widget or changes what one shows: its type (fixed once made), its
 * KPIs in the order ticked, its goal, its note, its options. Checked with
 * the same rules as the server before sending, so mistakes are named here.
 */
export function WidgetEditor(props: WidgetEditorProps) {
  const [kpis] = useQuery(() => queries.kpis.list({ orgID: props.orgID }));
  const [goals] = useQuery(() => queries.goals.list({ orgID: props.orgID }));
  const [type, setType] = createSignal(props.widget?.type ?? 'number');
  const [kpiIDs, setKpiIDs] = createSignal<string[]>(props.widget?.kpis.map((k) => k.id) ?? []);
  const [goalID, setGoalID] = createSignal(props.widget?.goal?.id ?? '');
  const [text, setText] = createSignal(props.widget?.row.text ?? '');
  const [options, setOptions] = createSignal<Options>({ ...((props.widget?.row.options ?? {}) as Options) });
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const spec = createMemo(() => widgetSpec(type()));
  const editing = () => props.widget !== undefined;

  const toggleKpi = (id: string, on: boolean) => {
    const max = spec()?.kpis?.max ?? 0;
    if (max === 1) setKpiIDs(on ? [id] : []);
    else setKpiIDs((ids) => (on ? [...ids.filter((k) => k !== id), id] : ids.filter((k) => k !== id)));
  };
  const setOption = (key: string, value: string | boolean) => setOptions((o) => ({ ...o, [key]: value }));

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const s = spec();
    if (!s) return;
    const content = {
      type: type(),
      kpiIDs: s.kpis ? kpiIDs() : [],
      goalID: s.goal ? goalID() || null : null,
      text: s.text ? text() : '',
      options: Object.fromEntries(Object.entries(options()).filter(([k]) => optionKeys(type()).includes(k))),
    };
    const checked = widgetContentInput.safeParse(content);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Check the widget');
      return;
    }
    setError(undefined);
    setBusy(true);
    const w = props.widget;
    const outcome = w
      ? await mutate(
          mutators.widget.update({
            id: w.id,
            kpiIDs: content.kpiIDs,
            goalID: content.goalID,
            text: content.text,
            options: content.options,
          }),
        )
      : await mutate(
          mutators.widget.add({
            id: crypto.randomUUID(),
            dashboardID: props.dashboardID,
            ...content,
            ...firstFreeSpot(props.placed, s.size),
          }),
        );
    setBusy(false);
    if (outcome.status === 'rejected') setError(outcome.message);
    else props.onOpenChange(false);
  };

  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={editing() ? 'Edit widget' : 'Add a widget'}
      description="Widgets show the dashboard’s time range and update live."
      wide
    >
      <form class="form widget-editor" onSubmit={(e) => void save(e)} novalidate>
        <SelectField
          label="Type"
          name="type"
          value={type()}
          disabled={editing()}
          options={WIDGET_TYPE_NAMES.map((t) => ({ value: t, label: WIDGET_TYPES[t]!.label }))}
          onChange={(t) => {
            setType(t);
            const max = widgetSpec(t)?.kpis?.max ?? 0;
            setKpiIDs((ids) => ids.slice(0, max));
          }}
        />
        <Show when={spec()?.kpis}>
          {(range) => (
            <fieldset class="field widget-kpis">
              <legend>
                {range().max === 1
                  ? 'KPI'
                  : `KPIs (${range().min === range().max ? range().min : `${range().min} to ${range().max}`}, in the order you tick them)`}
              </legend>
              <Show
                when={kpis().length > 0}
                fallback={<p class="field-hint">This organization has no KPIs yet. Create one first.</p>}
              >
                <ul class="checkbox-list">
                  <For each={kpis()}>
                    {(k) => (
                      <li>
                        <label>
                          <input
                            type={range().max === 1 ? 'radio' : 'checkbox'}
                            name="kpi"
                            checked={kpiIDs().includes(k.id)}
                            onChange={(e) => toggleKpi(k.id, e.currentTarget.checked)}
                          />{' '}
                          {k.name}
                        </label>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </fieldset>
          )}
        </Show>
        <Show when={spec()?.goal}>
          <SelectField
            label="Goal"
            name="goal"
            value={goalID()}
            placeholder="Choose a goal"
            options={goals().map((g) => ({ value: g.id, label: g.title }))}
            onChange={setGoalID}
          />
        </Show>
        <Show when={spec()?.text}>
          <TextArea
            label="Note"
            name="text"
            value={text()}
            onChange={setText}
            rows={4}
            description="Plain text, up to 1,000 characters."
          />
        </Show>
        <Show when={type() === 'line'}>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={options().showTarget === true}
              onChange={(e) => setOption('showTarget', e.currentTarget.checked)}
            />{' '}
            Show the target line (one KPI)
          </label>
        </Show>
        <Show when={type() === 'bar'}>
          <div class="field-row">
            <SelectField
              label="Bars per"
              name="bucket"
              value={String(options().bucket ?? 'month')}
              options={BAR_BUCKETS.map((b) => ({ value: b, label: b === 'week' ? 'Week' : 'Month' }))}
              onChange={(v) => setOption('bucket', v)}
            />
            <SelectField
              label="Each bar shows"
              name="aggregate"
              value={String(options().aggregate ?? 'last')}
              options={BAR_AGGREGATES.map((a) => ({
                value: a,
                label: a === 'sum' ? 'The sum' : a === 'average' ? 'The average' : 'The last value',
              }))}
              onChange={(v) => setOption('aggregate', v)}
            />
          </div>
        </Show>
        <Show when={widgetRenderer(type())?.options}>
          {(fields) => <Dynamic component={fields().Fields} orgID={props.orgID} options={options()} setOption={setOption} />}
        </Show>
        <FormError message={error()} />
        <div class="form-actions">
          <Button type="submit" class="button button-primary" disabled={busy()}>
            {editing() ? 'Save widget' : 'Add widget'}
          </Button>
          <Button type="button" class="button button-secondary" onClick={() => props.onOpenChange(false)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
