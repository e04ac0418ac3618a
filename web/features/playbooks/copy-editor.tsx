import { Button } from '@kobalte/core/button';
import { createSignal, For, Index } from 'solid-js';
import type { PlaybookStep } from '../../../shared/playbooks/builtins.ts';
import { mutators } from '../../../sync/mutators.ts';
import { TextArea } from '../../components/text-area.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { mutate } from '../sync/mutate.ts';
import { RaciFields } from './raci-fields.tsx';

type Copy = { id: string; name: string; durationDays: number; steps: readonly PlaybookStep[]; exitCriteria: readonly string[] };

/** The exit criteria as typed: one per line, blank lines dropped. */
const criteriaOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * Edits an organization's copy of a playbook (managers): its name and
 * duration; each step's title, due day and RACI roles; steps added and
 * removed; the exit criteria. Saved in one write; a refusal names the field
 * and keeps what was typed.
 */
export function CopyEditor(props: { copy: Copy; onDone: () => void }) {
  const [name, setName] = createSignal(props.copy.name);
  const [duration, setDuration] = createSignal(String(props.copy.durationDays));
  const [steps, setSteps] = createSignal(props.copy.steps.map((s) => ({ ...s })));
  const [criteria, setCriteria] = createSignal(props.copy.exitCriteria.join('\n'));
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const error = (key: string) => errors()[key];

  const save = async () => {
    const outcome = await mutate(
      mutators.playbookCopy.update({
        id: props.copy.id,
        name: name(),
        durationDays: Number(duration()),
        steps: steps(),
        exitCriteria: criteriaOf(criteria()),
      }),
    );
    if (outcome.status === 'rejected') {
      setErrors(Object.fromEntries(outcome.issues.map((i) => [i.loc.join('.'), i.msg])));
      return;
    }
    props.onDone();
  };
  const setStep = (i: number, patch: Partial<PlaybookStep>) =>
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const addStep = () =>
    setSteps((all) => [
      ...all,
      {
        key: `step-${crypto.randomUUID().slice(0, 8)}`,
        title: '',
        dueDay: Math.min(365, Number(duration()) || 0),
        raci: { responsible: 'CSM', accountable: 'CS Manager', consulted: [], informed: [] },
      },
    ]);
  const removeStep = (i: number) => setSteps((all) => all.filter((_, j) => j !== i));
  const criteriaErrors = () =>
    Object.entries(errors())
      .filter(([k]) => k === 'exitCriteria' || k.startsWith('exitCriteria.'))
      .map(([k, m]) => (k === 'exitCriteria' ? m : `Line ${Number(k.split('.')[1]) + 1}: ${m}`))
      .join('; ');

  return (
    <form
      class="copy-editor"
      aria-label={`Edit ${props.copy.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextInput label="Name" name="copy-name" value={name()} onChange={setName} error={error('name')} />
      <TextInput
        label="Duration (days)"
        name="copy-duration"
        value={duration()}
        onChange={setDuration}
        error={error('durationDays')}
      />
      <ol class="copy-steps">
        <Index each={steps()}>
          {(s, i) => (
            <li class="copy-step">
              <TextInput
                label={`Step ${i + 1} title`}
                name={`copy-step-${i}`}
                value={s().title}
                onChange={(title) => setStep(i, { title })}
                error={error(`steps.${i}.title`)}
              />
              <TextInput
                label={`Step ${i + 1} due day`}
                name={`copy-step-day-${i}`}
                value={String(s().dueDay)}
                onChange={(v) => setStep(i, { dueDay: Number(v) })}
                error={error(`steps.${i}.dueDay`)}
              />
              <RaciFields
                raci={s().raci}
                label={`step ${i + 1}`}
                name={`copy-step-raci-${i}`}
                onChange={(raci) => setStep(i, { raci })}
                errors={(field) => error(`steps.${i}.raci.${field}`)}
              />
              <Button
                class="button button-ghost button-small"
                onClick={() => removeStep(i)}
                disabled={steps().length === 1}
                aria-label={`Remove step ${i + 1}`}
              >
                Remove step
              </Button>
            </li>
          )}
        </Index>
      </ol>
      <For each={Object.entries(errors()).filter(([k]) => k === 'steps')}>{([, m]) => <p class="form-error">{m}</p>}</For>
      <Button class="button button-small" onClick={addStep}>
        Add a step
      </Button>
      <TextArea
        label="Exit criteria"
        name="copy-exit-criteria"
        description="One per line; the report says for each whether it was met."
        value={criteria()}
        onChange={setCriteria}
        rows={4}
        error={criteriaErrors() || undefined}
      />
      <div class="button-row">
        <Button type="submit" class="button button-primary">
          Save playbook
        </Button>
        <Button class="button button-ghost" onClick={() => props.onDone()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
