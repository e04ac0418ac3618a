import { Button } from '@kobalte/core/button';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { STEP_FIELDS, STEP_STATUS_LABELS, STEP_STATUSES, type StepField } from '../../../shared/playbooks/executions.ts';
import { mutators } from '../../../sync/mutators.ts';
import type { PlaybookStepRow } from '../../../sync/schema.ts';
import { SelectField } from '../../components/select-field.tsx';
import { useFormats } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';
import type { Focus } from './editing-presence.ts';

export type Step = PlaybookStepRow & { assignee?: { name: string } | undefined };
export type Note = { id: string; stepID: string; body: string; createdAt: number; author?: { name: string } | undefined };
export type Editor = { stepID?: string | null; field?: StepField | null; name: string };

const FIELD_WORDS: Record<StepField, string> = {
  status: 'the status',
  assignee: 'the assignee',
  dueAt: 'the due date',
  result: 'the result',
  notes: 'a note',
};

const dateInput = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString().slice(0, 10) : '');

/**
 * One step of an execution: status, assignee, due date, result and notes,
 * each saved on its own (only that field is sent), live for everyone on the
 * page. A field being typed in keeps what is typed until it is saved, so a
 * change someone else makes meanwhile never replaces it; notes are appended.
 * A refused change rolls back (Zero reverts it) and says why here.
 */
export function StepCard(props: {
  step: Step;
  number: number;
  notes: readonly Note[];
  editors: readonly Editor[];
  members: readonly { userID: string; name: string }[];
  canWork: boolean;
  onFocus: (focus: Focus) => void;
}) {
  const fmt = useFormats();
  const [error, setError] = createSignal<string>();
  const [resultDraft, setResultDraft] = createSignal<string | null>(null);
  const [note, setNote] = createSignal('');
  const label = (what: string) => `${what} of step ${props.number}`;
  const focus = (field: StepField) => () => props.onFocus({ stepID: props.step.id, field });
  const blur = () => props.onFocus(null);

  const save = async (change: Record<string, unknown>) => {
    setError(undefined);
    const outcome = await mutate(mutators.playbookStep.update({ id: props.step.id, ...change }));
    if (outcome.status === 'rejected') setError(outcome.message);
  };
  const saveResult = async () => {
    const draft = resultDraft();
    blur();
    if (draft === null) return;
    setResultDraft(null);
    if (draft !== (props.step.result ?? '')) await save({ result: draft.trim() ? draft : null });
  };
  const addNote = async () => {
    const body = note();
    if (!body.trim()) return;
    setError(undefined);
    setNote('');
    const outcome = await mutate(mutators.playbookStep.addNote({ id: crypto.randomUUID(), stepID: props.step.id, body }));
    if (outcome.status === 'rejected') {
      setNote(body);
      setError(outcome.message);
    }
  };
  const editing = createMemo(() =>
    props.editors
      .filter((e) => e.stepID === props.step.id)
      .map((e) => `${e.name} is editing ${e.field && STEP_FIELDS.includes(e.field) ? FIELD_WORDS[e.field] : 'this step'}`),
  );
  const memberOptions = () => [{ value: '', label: 'Nobody' }, ...props.members.map((m) => ({ value: m.userID, label: m.name }))];

  return (
    <li class="panel playbook-step" data-status={props.step.status} aria-labelledby={`step-${props.step.id}`}>
      <h3 id={`step-${props.step.id}`}>
        {props.number}. {props.step.title}
      </h3>
      <p class="panel-hint">
        R: {props.step.raci.responsible} · A: {props.step.raci.accountable}
        {props.step.raci.consulted.length ? ` · C: ${props.step.raci.consulted.join(', ')}` : ''}
        {props.step.raci.informed.length ? ` · I: ${props.step.raci.informed.join(', ')}` : ''}
      </p>
      <Show when={editing().length > 0}>
        <p class="presence-editing" aria-live="polite">
          {editing().join('; ')}
        </p>
      </Show>
      <div class="playbook-step-fields">
        <SelectField
          label={label('Status')}
          name={`status-${props.step.id}`}
          options={STEP_STATUSES.map((s) => ({ value: s, label: STEP_STATUS_LABELS[s] }))}
          value={props.step.status}
          disabled={!props.canWork}
          onChange={(status) => {
            blur();
            void save({ status });
          }}
        />
        <SelectField
          label={label('Assignee')}
          name={`assignee-${props.step.id}`}
          options={memberOptions()}
          value={props.step.assigneeID ?? ''}
          disabled={!props.canWork}
          onChange={(assigneeID) => void save({ assigneeID: assigneeID || null })}
        />
        <label class="field">
          <span class="field-label">{label('Due date')}</span>
          <input
            type="date"
            class="field-input"
            value={dateInput(props.step.dueAt)}
            disabled={!props.canWork}
            onFocus={focus('dueAt')}
            onBlur={blur}
            onChange={(e) => {
              const v = e.currentTarget.value;
              void save({ dueAt: v ? Date.parse(`${v}T12:00:00Z`) : null });
            }}
          />
        </label>
      </div>
      <label class="field">
        <span class="field-label">{label('Result')}</span>
        <textarea
          class="field-input"
          rows={2}
          value={resultDraft() ?? props.step.result ?? ''}
          disabled={!props.canWork}
          onFocus={focus('result')}
          onInput={(e) => setResultDraft(e.currentTarget.value)}
          onBlur={() => void saveResult()}
        />
      </label>
      <section aria-label={label('Notes')}>
        <Show when={props.notes.length > 0} fallback={<p class="panel-hint">No notes yet.</p>}>
          <ul class="playbook-notes">
            <For each={props.notes}>
              {(n) => (
                <li>
                  <strong>{n.author?.name ?? 'Someone'}</strong>{' '}
                  <time datetime={new Date(n.createdAt).toISOString()}>{fmt().dateTime(n.createdAt)}</time>: {n.body}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.canWork}>
          <label class="field">
            <span class="field-label">{label('New note')}</span>
            <textarea
              class="field-input"
              rows={2}
              value={note()}
              onFocus={focus('notes')}
              onBlur={blur}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </label>
          <Button class="button button-small" onClick={() => void addNote()} disabled={!note().trim()}>
            Add note to step {props.number}
          </Button>
        </Show>
      </section>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <p class="panel-hint">
        {props.step.assignee ? `Assigned to ${props.step.assignee.name}. ` : ''}
        {props.step.dueAt ? `Due ${fmt().date(props.step.dueAt)}.` : ''}
      </p>
    </li>
  );
}
