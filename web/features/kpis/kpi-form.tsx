import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createMemo } from 'solid-js';
import { z } from 'zod';
import { DIRECTIONS, FREQUENCIES, KPI_DESCRIPTION_MAX, kpiFields, kpiInputFields, withTargetRule } from '../../../shared/kpi.ts';
import { type DecimalSeparator, numberInputText, numberText } from '../../../shared/numbers.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { Kpi } from '../../../sync/schema.ts';
import { FormError } from '../../components/form-error.tsx';
import { SelectField, type SelectOption } from '../../components/select-field.tsx';
import { TextArea } from '../../components/text-area.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { showToast } from '../../components/toast.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { issueFieldErrors } from '../../lib/forms.ts';
import { currentUser } from '../auth/session.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';
import { FREQUENCY_LABELS, useKpiOptions } from './kpi-options.ts';
import { DIRECTION_LABELS } from './kpi-status.ts';

const FIELDS = ['name', 'description', 'unit', 'category', 'target', 'direction', 'frequency', 'ownerID'] as const;
type Field = (typeof FIELDS)[number];

const DIRECTION_OPTIONS: SelectOption[] = DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }));
const FREQUENCY_OPTIONS: SelectOption[] = FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }));

/**
 * The fields this form edits. Account, health category and weight are not on
 * it: their defaults (none, none, 1) would otherwise count as changes and an
 * edit here would clear what was set elsewhere (REST, the customer-success pages).
 */
const { accountID: _account, healthCategory: _health, weight: _weight, ...formFields } = kpiInputFields;

/** The shared KPI rules, with the target read from its text as the organization writes numbers. */
const kpiForm = (decimal: DecimalSeparator) =>
  withTargetRule(z.object({ ...formFields, target: numberText(kpiFields.target, decimal) }));

function initialValues(kpi: Kpi | undefined, me: string | undefined, decimal: DecimalSeparator): Record<Field, string> {
  if (!kpi) {
    return {
      name: '',
      description: '',
      unit: '',
      category: 'general',
      target: '',
      direction: 'higher',
      frequency: 'monthly',
      ownerID: me ?? '',
    };
  }
  return {
    name: kpi.name,
    description: kpi.description,
    unit: kpi.unit,
    category: kpi.category,
    target: numberInputText(kpi.target, decimal),
    direction: kpi.direction,
    frequency: kpi.frequency,
    ownerID: kpi.ownerID ?? '',
  };
}

export interface KPIFormProps {
  /** The KPI to edit; absent to create one. */
  kpi?: Kpi;
  submitLabel: string;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * Every field of a KPI, validated inline with the shared schema (the
 * mutator checks the same rules, plus that unit, category and owner are the
 * organization's). An edit sends only what changed, so it never overwrites
 * someone else's concurrent change to another field.
 */
export function KPIForm(props: KPIFormProps) {
  const org = useCurrentOrganization();
  const options = useKpiOptions(() => org.orgID);
  const [members] = useQuery(() => queries.members.list({ orgID: org.orgID }));
  // Read once: the form edits a snapshot; the dialog rebuilds it on each opening.
  const snapshot = props.kpi ? { ...props.kpi } : undefined;
  const decimal = org.formats().decimal;
  const initial = initialValues(snapshot, currentUser()?.id, decimal);
  const schema = kpiForm(decimal);

  const form = createFormState({
    fields: FIELDS,
    initial,
    parse: (v) =>
      schema.safeParse({
        name: v.name,
        description: v.description,
        unit: v.unit,
        category: v.category,
        target: v.target,
        direction: v.direction,
        frequency: v.frequency,
        ownerID: v.ownerID || null,
      }),
  });

  const ownerOptions = createMemo<SelectOption[]>(() => {
    const list = members().map((m) => ({ value: m.userID, label: m.user?.name || 'Unnamed member' }));
    // The owner the KPI had when the form opened stays choosable even if they left.
    const current = initial.ownerID;
    if (current && !list.some((o) => o.value === current)) list.push({ value: current, label: 'Former member' });
    return [{ value: '', label: 'No owner' }, ...list];
  });

  const submit = createSubmit(form, {
    action: async (data) => {
      const kpi = snapshot;
      let outcome: Awaited<ReturnType<typeof mutate>>;
      if (kpi) {
        const patch: Record<string, unknown> = {};
        for (const key of Object.keys(data) as (keyof typeof data)[]) {
          const before = key === 'ownerID' ? (kpi[key] ?? null) : kpi[key];
          if (data[key] !== before) patch[key] = data[key];
        }
        if (Object.keys(patch).length === 0) {
          props.onDone();
          return undefined;
        }
        outcome = await mutate(mutators.kpi.update({ id: kpi.id, ...patch }));
      } else {
        outcome = await mutate(mutators.kpi.create({ id: crypto.randomUUID(), ...data }));
      }
      if (outcome.status === 'rejected') {
        // The server's field messages go next to their fields; the rest above the form.
        const mapped = issueFieldErrors(outcome.issues, FIELDS);
        const fieldCount = Object.keys(mapped.fields).length;
        return { fields: mapped.fields, message: fieldCount > 0 ? mapped.other.join(' ') || undefined : outcome.message };
      }
      if (outcome.status === 'waiting') {
        showToast({ title: 'KPI saved on this device', description: 'It will sync when the connection is back.' });
      }
      props.onDone();
      return undefined;
    },
  });

  return (
    <form class="form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
      <FormError message={submit.error()} />
      <TextInput label="Name" autocomplete="off" required {...form.bind('name')} />
      <TextArea
        label="Description"
        description={`Optional: what it measures and how. Up to ${KPI_DESCRIPTION_MAX} characters.`}
        {...form.bind('description')}
      />
      <div class="form-grid">
        <SelectField label="Unit" options={options.unitOptions(initial.unit)} {...form.bind('unit')} />
        <SelectField label="Category" options={options.categoryOptions(initial.category)} required {...form.bind('category')} />
        <TextInput label="Target" inputMode="decimal" autocomplete="off" required {...form.bind('target')} />
        <SelectField label="Direction" options={DIRECTION_OPTIONS} required {...form.bind('direction')} />
        <SelectField label="Frequency" options={FREQUENCY_OPTIONS} required {...form.bind('frequency')} />
        <SelectField label="Owner" options={ownerOptions()} {...form.bind('ownerID')} />
      </div>
      <p class="field-description">
        Units and categories come from your organization’s lists; an admin can extend them in Settings.
      </p>
      <div class="dialog-actions">
        <Button type="button" class="button button-ghost" onClick={() => props.onCancel()}>
          Cancel
        </Button>
        <Button type="submit" class="button button-primary" disabled={submit.busy() || submit.blocked()}>
          {submit.busy() ? 'Saving…' : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
