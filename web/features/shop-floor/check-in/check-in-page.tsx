import { A } from '@solidjs/router';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { can, ROLE_LABELS } from '../../../../shared/roles.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { currentUser } from '../../auth/session.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { RoleGate } from '../../workspace/role-gate.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { useEntryChoices } from '../entry/choices.ts';
import { useEntryRows } from '../entry/entry-rows.ts';
import '../entry/entry.css';
import {
  COLUMN_LABELS,
  emptyCells,
  isBlank,
  NUMBER_COLUMNS,
  type ProductionCells,
  type ProductionColumn,
  readBackEntry,
  readProductionRow,
} from '../entry/production-row.ts';
import { readBack } from '../entry/read-back.ts';
import { ReadBackDialog } from '../entry/read-back-dialog.tsx';
import { RefusedNotice, RowStateText } from '../entry/row-state.tsx';
import { todayText } from '../entry/today.ts';
import { defaultsKey, loadDefaults, rememberDefaults } from './defaults.ts';

/** What a field's control carries: its id (for the label) and its error's wiring. */
interface FieldAttrs {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

const NUMBERS: readonly ProductionColumn[] = [
  'unitsProduced',
  'unitsDefective',
  'runHours',
  'employeesAssigned',
  'employeesPresent',
];

/**
 * `/shop-floor/check-in`: one production entry at a time, one-handed on a
 * phone: one column of big fields (44 px and more), number pads for
 * numbers, choices as native selects, nothing behind hover. It starts from
 * the last line, shift and work order used, reads the entry back before
 * saving, and lists what this phone sent with its state.
 */
export function CheckInPage() {
  const org = useCurrentOrganization();
  const choices = useEntryChoices();
  const key = () => defaultsKey(org.orgID, currentUser()?.id ?? 'anonymous');
  const blank = () => ({ ...emptyCells(todayText()), ...loadDefaults(localStorage, key()) });
  const entry = useEntryRows<ProductionCells>({ form: 'check-in', blank, isBlank });
  const [attempted, setAttempted] = createSignal(false);
  const [review, setReview] = createSignal<string>();

  const current = entry.current;
  const sent = createMemo(() => entry.sent().slice().reverse());
  const cells = () => current()?.cells ?? emptyCells();
  const reading = createMemo(() => readProductionRow(cells(), choices()));
  const [touched, setTouched] = createSignal<ReadonlySet<ProductionColumn>>(new Set());
  const errorOf = (c: ProductionColumn) => {
    const r = reading();
    return !r.ok && (attempted() || touched().has(c)) ? r.errors[c] : undefined;
  };
  const set = (c: ProductionColumn, value: string) => {
    const row = current();
    if (!row) return;
    entry.setCells(row.id, { ...row.cells, [c]: value });
    setTouched((t) => new Set([...t, c]));
  };
  const jobs = createMemo(() => choices().orders.find((o) => o.number === cells().workOrder)?.jobs ?? []);
  const canCreate = () => can(org.role(), 'shopFloorEntry', 'create');

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    const r = reading();
    if (r.ok) setReview(readBack(readBackEntry(r.args, choices())));
  };
  const confirm = () => {
    setReview(undefined);
    const row = current();
    const r = reading();
    if (!row || !r.ok) return;
    rememberDefaults(localStorage, key(), row.cells);
    setAttempted(false);
    setTouched(new Set<ProductionColumn>());
    void entry.send([{ id: row.id, request: mutators.productionEntry.create({ id: row.id, ...r.args }) }]);
  };

  const field = (c: ProductionColumn, control: (props: FieldAttrs) => JSX.Element) => (
    <div class="check-in-field">
      <label for={`check-in-${c}`}>{COLUMN_LABELS[c]}</label>
      {control({
        id: `check-in-${c}`,
        'aria-invalid': errorOf(c) ? 'true' : undefined,
        'aria-describedby': errorOf(c) ? `check-in-${c}-error` : undefined,
      })}
      <Show when={errorOf(c)}>
        <span id={`check-in-${c}-error`} class="field-error" role="alert">
          {errorOf(c)}
        </span>
      </Show>
    </div>
  );
  const select = (c: ProductionColumn, options: readonly string[], none: string) =>
    field(c, (attrs) => (
      <select {...attrs} class="check-in-input" onChange={(e) => set(c, e.currentTarget.value)}>
        <option value="" selected={cells()[c] === ''}>
          {none}
        </option>
        <For each={options}>
          {(o) => (
            <option value={o} selected={o === cells()[c]}>
              {o}
            </option>
          )}
        </For>
      </select>
    ));

  return (
    <WorkspacePage
      title="Check-in"
      headingId="check-in-title"
      subtitle={
        <>
          One production entry at a time. At a desk, the <A href="/shop-floor/entry">entry grid</A> takes a whole shift.
        </>
      }
    >
      <Show when={org.role() && !canCreate()}>
        <p class="read-only-note entry-view-only">
          You can only view entries: your role ({ROLE_LABELS[org.role() ?? 'viewer']}) reads the shop floor; operators and up
          enter.
        </p>
      </Show>
      <RoleGate allowed={canCreate()} action="enter shop-floor entries">
        <form class="check-in-form" onSubmit={onSubmit} noValidate aria-label="Production check-in">
          <RefusedNotice state={current()?.state} />
          {select(
            'line',
            choices().lines.map((l) => l.name),
            'Choose a line',
          )}
          {select(
            'shift',
            choices().shifts.map((s) => s.name),
            'No shift',
          )}
          {select(
            'workOrder',
            choices().orders.map((o) => o.number),
            'Choose a work order',
          )}
          {select(
            'job',
            jobs().map((j) => j.name),
            'No job',
          )}
          {field('date', (attrs) => (
            <input
              {...attrs}
              class="check-in-input"
              type="date"
              value={cells().date}
              onInput={(e) => set('date', e.currentTarget.value)}
            />
          ))}
          <For each={NUMBERS}>
            {(c) =>
              field(c, (attrs) => (
                <input
                  {...attrs}
                  class="check-in-input"
                  inputmode={NUMBER_COLUMNS[c]}
                  autocomplete="off"
                  value={cells()[c]}
                  onInput={(e) => set(c, e.currentTarget.value)}
                />
              ))
            }
          </For>
          <button type="submit" class="button button-primary check-in-save">
            Review and save
          </button>
        </form>
      </RoleGate>
      <p class="entry-summary" role="status">
        {entry.waiting() === 0 ? '' : `${entry.waiting() === 1 ? '1 entry' : `${entry.waiting()} entries`} not yet saved`}
      </p>
      <Show when={sent().length > 0}>
        <ul class="sent-list" aria-label="Entries sent from this device">
          <For each={sent()}>
            {(row) => {
              const r = readProductionRow(row.cells, choices());
              return (
                <li data-row-state={row.state.kind}>
                  <span class="sent-words">{r.ok ? readBack(readBackEntry(r.args, choices())) : 'Entry'}</span>{' '}
                  <RowStateText state={row.state} />
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <ReadBackDialog
        open={!!review()}
        lines={review() ? [review() ?? ''] : []}
        onConfirm={confirm}
        onBack={() => setReview(undefined)}
      />
    </WorkspacePage>
  );
}
