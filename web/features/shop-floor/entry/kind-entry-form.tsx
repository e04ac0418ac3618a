import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { ENTRIES } from '../../../../shared/shop-floor/entries.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { queries } from '../../../../sync/queries.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import type { MutateRequest } from '../../sync/mutate.ts';
import { useEntryChoices } from './choices.ts';
import { useEntryRows } from './entry-rows.ts';
import {
  type FieldSpec,
  isBlankKind,
  KIND_FIELDS,
  type KindValues,
  type OtherKind,
  readKind,
  type Source,
} from './kind-specs.ts';
import { RefusedNotice, RowStateText } from './row-state.tsx';
import { todayText } from './today.ts';

type Option = { value: string; label: string };
const create = (kind: OtherKind, args: Record<string, unknown>) =>
  (mutators[kind].create as unknown as (a: Record<string, unknown>) => MutateRequest)(args);

/**
 * One quality, downtime or attendance entry at a time (KIND_FIELDS), checked
 * by the shared rules as you type, kept on the device through a reload, and
 * listed with its state ("not yet saved" until the server has it) once sent.
 */
export function KindEntryForm(props: { kind: OtherKind }) {
  const org = useCurrentOrganization();
  const choices = useEntryChoices();
  const [reasons] = useQuery(() => queries.downtimeReasons.list({ orgID: org.orgID }));
  const [employees] = useQuery(() => queries.employees.list({ orgID: org.orgID }));
  const [defectTypes] = useQuery(() => queries.defectTypes.list({ orgID: org.orgID }));
  const live = <T extends { archivedAt?: number | null }>(rows: readonly T[]) => rows.filter((r) => !r.archivedAt);
  const options = createMemo<Record<Source, Option[]>>(() => ({
    lines: choices().lines.map((l) => ({ value: l.id, label: l.name })),
    shifts: choices().shifts.map((s) => ({ value: s.id, label: s.name })),
    orders: choices().orders.map((o) => ({ value: o.id, label: o.number })),
    reasons: live(reasons()).map((r) => ({ value: r.id, label: `${r.code} · ${r.name}` })),
    employees: live(employees()).map((e) => ({ value: e.id, label: `${e.code} · ${e.name}` })),
  }));

  const entry = useEntryRows<KindValues>({ form: props.kind, blank: () => ({ shiftDate: todayText() }), isBlank: isBlankKind });
  const [touched, setTouched] = createSignal<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = createSignal(false);
  const current = entry.current;
  const sent = entry.sent;
  const values = () => current()?.cells ?? {};
  const reading = createMemo(() => readKind(props.kind, values()));
  const errorOf = (name: string) => {
    if (!attempted() && !touched().has(name)) return undefined;
    const r = reading();
    return r.ok ? undefined : r.errors[name];
  };
  const set = (name: string, value: string) => {
    const row = current();
    if (!row) return;
    entry.setCells(row.id, { ...row.cells, [name]: value });
    setTouched((t) => new Set([...t, name]));
  };
  const id = (name: string) => `${props.kind}-${name.replace('.', '-')}`;
  const noun = ENTRIES[props.kind].noun;
  /** "Quality entries", for the list of those sent. */
  const sentLabel = `${noun[0]?.toUpperCase()}${noun.slice(1).replace(/y$/, 'ies')}`;

  /** A sent entry in words: its values by label, choices by name. */
  const summary = (cells: KindValues) =>
    KIND_FIELDS[props.kind]
      .filter((spec) => spec.input !== 'defects' && (cells[spec.name] ?? '').trim() !== '')
      .map((spec) => {
        const value = cells[spec.name] ?? '';
        if (spec.input === 'checkbox') return spec.label;
        const label = spec.input === 'select' ? options()[spec.source].find((o) => o.value === value)?.label : undefined;
        return `${spec.label} ${label ?? value}`;
      })
      .join(', ');

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    const row = current();
    const r = reading();
    if (!row || !r.ok) return;
    setAttempted(false);
    setTouched(new Set<string>());
    void entry.send([{ id: row.id, request: create(props.kind, { id: row.id, ...r.args }) }]);
  };

  const field = (spec: FieldSpec) => {
    const error = () => errorOf(spec.name);
    const described = () => (error() ? `${id(spec.name)}-error` : undefined);
    return (
      <div class="field entry-field">
        <Switch>
          <Match when={spec.input === 'checkbox'}>
            <label class="entry-check">
              <input
                type="checkbox"
                id={id(spec.name)}
                checked={values()[spec.name] === 'true'}
                aria-invalid={error() ? 'true' : undefined}
                aria-describedby={described()}
                onChange={(e) => set(spec.name, e.currentTarget.checked ? 'true' : '')}
              />
              {spec.label}
            </label>
          </Match>
          <Match when={spec.input === 'select' && spec}>
            {(s) => (
              <>
                <label class="field-label" for={id(spec.name)}>
                  {spec.label}
                </label>
                <select
                  id={id(spec.name)}
                  class="field-input"
                  aria-invalid={error() ? 'true' : undefined}
                  aria-describedby={described()}
                  onChange={(e) => set(spec.name, e.currentTarget.value)}
                >
                  <option value="" selected={!values()[spec.name]}>
                    {'optional' in s() && s().optional ? 'None' : 'Choose…'}
                  </option>
                  <For each={options()[(s() as { source: Source }).source]}>
                    {(o) => (
                      <option value={o.value} selected={o.value === values()[spec.name]}>
                        {o.label}
                      </option>
                    )}
                  </For>
                </select>
              </>
            )}
          </Match>
          <Match when={spec.input !== 'defects'}>
            <label class="field-label" for={id(spec.name)}>
              {spec.label}
            </label>
            <input
              id={id(spec.name)}
              class="field-input"
              type={spec.input === 'date' ? 'date' : spec.input === 'datetime' ? 'datetime-local' : 'text'}
              inputmode={spec.input === 'numeric' || spec.input === 'decimal' ? spec.input : undefined}
              autocomplete="off"
              value={values()[spec.name] ?? ''}
              aria-invalid={error() ? 'true' : undefined}
              aria-describedby={described()}
              onInput={(e) => set(spec.name, e.currentTarget.value)}
            />
          </Match>
        </Switch>
        <Show when={error()}>
          <span id={`${id(spec.name)}-error`} class="field-error" role="alert">
            {error()}
          </span>
        </Show>
      </div>
    );
  };

  return (
    <div class="kind-entry">
      <form class="form kind-entry-form" onSubmit={submit} noValidate aria-label={`New ${noun}`}>
        <RefusedNotice state={current()?.state} />
        <div class="form-grid">
          <For each={KIND_FIELDS[props.kind]}>
            {(spec) =>
              spec.input === 'defects' ? (
                <fieldset class="entry-defects">
                  <legend>{spec.label}</legend>
                  <Show when={live(defectTypes()).length > 0} fallback={<p class="empty-note">No defect types set up yet.</p>}>
                    <For each={live(defectTypes())}>
                      {(t) =>
                        field({ name: `defects.${t.id}`, label: `${t.code} · ${t.name}`, input: 'numeric', optional: true })
                      }
                    </For>
                  </Show>
                </fieldset>
              ) : (
                field(spec)
              )
            }
          </For>
        </div>
        <div class="entry-actions">
          <button type="submit" class="button button-primary">
            Save {noun}
          </button>
        </div>
      </form>
      <Show when={sent().length > 0}>
        <ul class="sent-list" aria-label={`${sentLabel} sent from this device`}>
          <For each={sent()}>
            {(row) => (
              <li data-row-state={row.state.kind}>
                <span class="sent-words">{summary(row.cells)}</span> <RowStateText state={row.state} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
