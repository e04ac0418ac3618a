import { Button } from '@kobalte/core/button';
import { createSignal, For, Index } from 'solid-js';
import type { PlaybookStep } from '../../../shared/playbooks/builtins.ts';
import { mutators } from '../../../sync/mutators.ts';
import { TextInput } from '../../components/text-input.tsx';
import { mutate } from '../sync/mutate.ts';

type Copy = { id: string; name: string; durationDays: number; steps: readonly PlaybookStep[]; exitCriteria: readonly string[] };

/**
 * Edits an organization's copy of a playbook: its name, duration, and each
 * step's title and due day (managers). Saved in one write; a refusal names
 * the field and keeps what was typed.
 */
export function CopyEditor(props: { copy: Copy; onDone: () => void }) {
  const [name, setName] = createSignal(props.copy.name);
  const [duration, setDuration] = createSignal(String(props.copy.durationDays));
  const [steps, setSteps] = createSignal(props.copy.steps.map((s) => ({ ...s })));
  const [errors, setErrors] = createSignal<Record<string, string>>({});

  const save = async () => {
    const outcome = await mutate(
      mutators.playbookCopy.update({ id: props.copy.id, name: name(), durationDays: Number(duration()), steps: steps() }),
    );
    if (outcome.status === 'rejected') {
      setErrors(Object.fromEntries(outcome.issues.map((i) => [i.loc.join('.'), i.msg])));
      return;
    }
    props.onDone();
  };
  const setStep = (i: number, patch: Partial<PlaybookStep>) =>
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  return (
    <form
      class="copy-editor"
      aria-label={`Edit ${props.copy.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextInput label="Name" name="copy-name" value={name()} onChange={setName} error={errors().name} />
      <TextInput
        label="Duration (days)"
        name="copy-duration"
        value={duration()}
        onChange={setDuration}
        error={errors().durationDays}
      />
      <ol>
        <Index each={steps()}>
          {(s, i) => (
            <li>
              <TextInput
                label={`Step ${i + 1} title`}
                name={`copy-step-${i}`}
                value={s().title}
                onChange={(title) => setStep(i, { title })}
                error={errors()[`steps.${i}.title`]}
              />
              <TextInput
                label={`Step ${i + 1} due day`}
                name={`copy-step-day-${i}`}
                value={String(s().dueDay)}
                onChange={(v) => setStep(i, { dueDay: Number(v) })}
                error={errors()[`steps.${i}.dueDay`]}
              />
            </li>
          )}
        </Index>
      </ol>
      <For each={Object.entries(errors()).filter(([k]) => k === 'steps')}>{([, m]) => <p class="form-error">{m}</p>}</For>
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
