import { Button } from '@kobalte/core/button';
import { For, Match, Switch } from 'solid-js';
import { masterDataInput } from '../../../../shared/shop-floor/master-data.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { FormError } from '../../../components/form-error.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { createFormState } from '../../../lib/form-state.ts';
import { createSubmit } from '../../../lib/form-submit.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { type MutateRequest, mutate } from '../../sync/mutate.ts';
import { refusalOf } from '../refusal.ts';
import { fieldText, fieldValue, type MasterRow, type MasterSpec } from './specs.ts';

const PLANNED_OPTIONS = [
  { value: 'planned', label: 'Planned (maintenance, changeover…)' },
  { value: 'unplanned', label: 'Unplanned (breakdown, shortage…)' },
];

/** The six master data groups share one shape of mutator; Zero types each by its own arguments. */
type Group = Record<'create' | 'update', (args: Record<string, unknown>) => MutateRequest>;

/**
 * One master data row's fields, from the object's spec, checked with the
 * shared rules (shared/shop-floor/master-data.ts) as the person types; an
 * edit sends only the fields that changed. The server checks again, and
 * says when a name or code is taken.
 */
export function MasterDataForm(props: { spec: MasterSpec; row: MasterRow | undefined; onDone: () => void }) {
  const org = useCurrentOrganization();
  const decimal = org.formats().decimal;
  // Read once: the dialog rebuilds the form on each opening.
  const { spec } = props;
  const snapshot = props.row ? { ...props.row } : undefined;
  const keys = spec.fields.map((f) => f.key);
  const schema = masterDataInput(spec.kind);
  const values = (texts: Record<string, string>) =>
    Object.fromEntries(spec.fields.map((f) => [f.key, fieldValue(f, texts[f.key] ?? '', decimal)]));
  const form = createFormState({
    fields: keys,
    initial: Object.fromEntries(spec.fields.map((f) => [f.key, fieldText(f, snapshot?.[f.key], decimal)])),
    parse: (texts) => schema.safeParse(values(texts)),
  });
  const group = mutators[spec.kind] as unknown as Group;
  // The fields are the spec's, so the form's records are indexed by plain strings: a missing text is blank.
  const bind = (key: string) => {
    const b = form.bind(key);
    return {
      name: b.name,
      get value() {
        return b.value ?? '';
      },
      get error() {
        return b.error;
      },
      onChange: b.onChange,
      onBlur: b.onBlur,
      ref: b.ref,
    };
  };

  const submit = createSubmit(form, {
    action: async (data) => {
      const fields = data as Record<string, unknown>;
      let request: MutateRequest;
      if (snapshot) {
        const changed = keys.filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(snapshot[k] ?? null));
        if (changed.length === 0) {
          props.onDone();
          return undefined;
        }
        request = group.update({ id: snapshot.id, ...Object.fromEntries(changed.map((k) => [k, fields[k]])) });
      } else {
        request = group.create({ id: crypto.randomUUID(), ...fields });
      }
      const refused = refusalOf(await mutate(request), keys);
      if (!refused) props.onDone();
      return refused;
    },
  });

  return (
    <form class="form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
      <FormError message={submit.error()} />
      <For each={spec.fields}>
        {(field) => (
          <Switch>
            <Match when={field.kind === 'planned'}>
              <SelectField label={field.label} required options={PLANNED_OPTIONS} {...bind(field.key)} />
            </Match>
            <Match when={field.kind !== 'planned'}>
              <TextInput
                label={field.label}
                autocomplete="off"
                required={field.kind !== 'breaks'}
                inputMode={field.kind === 'number' ? 'decimal' : undefined}
                placeholder={field.kind === 'time' ? 'HH:MM' : undefined}
                description={field.description}
                {...bind(field.key)}
              />
            </Match>
          </Switch>
        )}
      </For>
      <div class="dialog-actions">
        <Button type="button" class="button button-ghost" onClick={() => props.onDone()}>
          Cancel
        </Button>
        <Button type="submit" class="button button-primary" disabled={submit.busy() || submit.blocked()}>
          {submit.busy() ? 'Saving…' : snapshot ? 'Save changes' : `Add ${spec.singular}`}
        </Button>
      </div>
    </form>
  );
}
