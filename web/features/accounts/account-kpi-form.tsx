import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createMemo } from 'solid-js';
import { z } from 'zod';
import { HEALTH_CATEGORIES } from '../../../shared/customer-success/categories.ts';
import { kpiFields } from '../../../shared/kpi.ts';
import { numberInputText, numberText } from '../../../shared/numbers.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { Kpi } from '../../../sync/schema.ts';
import { FormError } from '../../components/form-error.tsx';
import { SelectField, type SelectOption } from '../../components/select-field.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { showToast } from '../../components/toast.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { issueFieldErrors } from '../../lib/forms.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';

const FIELDS = ['kpiID', 'healthCategory', 'weight'] as const;
const CATEGORY_OPTIONS: SelectOption[] = [
  { value: '', label: 'None (not in health)' },
  ...HEALTH_CATEGORIES.map((c) => ({ value: c, label: c })),
];

export interface AccountKpiFormProps {
  accountID: string;
  /** The account's KPI to change; absent to add one of the organization's KPIs to the account. */
  kpi?: Kpi;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * Which of the organization's KPIs belong to an account, the health category
 * each counts towards and its weight there (default 1). Sends only the
 * account fields, so a KPI's other fields edited elsewhere at the same time stay.
 */
export function AccountKpiForm(props: AccountKpiFormProps) {
  const org = useCurrentOrganization();
  const [kpis, kpiDetails] = useQuery(() => queries.kpis.list({ orgID: org.orgID }));
  const decimal = org.formats().decimal;
  const snapshot = props.kpi ? { ...props.kpi } : undefined;
  const schema = z.object({
    kpiID: z.string().min(1, 'Choose a KPI'),
    healthCategory: kpiFields.healthCategory,
    weight: numberText(kpiFields.weight, decimal),
  });
  const form = createFormState({
    fields: FIELDS,
    initial: {
      kpiID: snapshot?.id ?? '',
      healthCategory: snapshot?.healthCategory ?? HEALTH_CATEGORIES[0],
      weight: numberInputText(snapshot?.weight ?? 1, decimal),
    },
    parse: (v) => schema.safeParse({ ...v, healthCategory: v.healthCategory || null }),
  });
  // KPIs that belong to no account yet (a KPI counts for one account at most).
  const kpiOptions = createMemo<SelectOption[]>(() =>
    snapshot
      ? [{ value: snapshot.id, label: snapshot.name }]
      : kpis()
          .filter((k) => !k.accountID)
          .map((k) => ({ value: k.id, label: k.name })),
  );

  const submit = createSubmit(form, {
    action: async (data) => {
      const outcome = await mutate(
        mutators.kpi.update({
          id: data.kpiID,
          accountID: props.accountID,
          healthCategory: data.healthCategory,
          weight: data.weight,
        }),
      );
      if (outcome.status === 'rejected') {
        const mapped = issueFieldErrors(outcome.issues, FIELDS);
        return { fields: mapped.fields, message: Object.keys(mapped.fields).length ? undefined : outcome.message };
      }
      if (outcome.status === 'waiting')
        showToast({ title: 'Saved on this device', description: 'It will sync when the connection is back.' });
      props.onDone();
      return undefined;
    },
  });

  return (
    <form class="form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
      <FormError message={submit.error()} />
      <SelectField
        label="KPI"
        options={kpiOptions()}
        required
        disabled={!!snapshot}
        placeholder={
          kpiOptions().length
            ? 'Choose a KPI'
            : kpiDetails().type === 'unknown'
              ? 'Loading KPIs…'
              : 'No KPI is free: each belongs to an account already'
        }
        {...form.bind('kpiID')}
      />
      <div class="form-grid">
        <SelectField label="Health category" options={CATEGORY_OPTIONS} {...form.bind('healthCategory')} />
        <TextInput
          label="Weight"
          inputMode="decimal"
          autocomplete="off"
          required
          description="How much it counts within its category, relative to the others (1 = equal)."
          {...form.bind('weight')}
        />
      </div>
      <div class="dialog-actions">
        <Button type="button" class="button button-ghost" onClick={() => props.onCancel()}>
          Cancel
        </Button>
        <Button type="submit" class="button button-primary" disabled={submit.busy() || submit.blocked()}>
          {submit.busy() ? 'Saving…' : snapshot ? 'Save changes' : 'Add to account'}
        </Button>
      </div>
    </form>
  );
}
