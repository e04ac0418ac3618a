import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createMemo } from 'solid-js';
import { z } from 'zod';
import { accountFields } from '../../../shared/customer-success/account-fields.ts';
import { boundedNumber, numberInputText, numberText } from '../../../shared/numbers.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { Account } from '../../../sync/schema.ts';
import { FormError } from '../../components/form-error.tsx';
import { SelectField, type SelectOption } from '../../components/select-field.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { showToast } from '../../components/toast.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { issueFieldErrors } from '../../lib/forms.ts';
import { currentUser } from '../auth/session.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';

const FIELDS = ['name', 'annualRevenue', 'industry', 'region', 'ownerID'] as const;

export interface AccountFormProps {
  /** The account to edit; absent to create one. */
  account?: Account;
  submitLabel: string;
  /** Called with the account's id once saved (a new account's page opens). */
  onDone: (accountID: string) => void;
  onCancel: () => void;
}

/**
 * An account's name, annual revenue, industry, region and owner (the CSM),
 * checked with the shared account rules as the person types; an edit sends
 * only the fields that changed, so a colleague's concurrent change to
 * another field stays.
 */
export function AccountForm(props: AccountFormProps) {
  const org = useCurrentOrganization();
  const [members] = useQuery(() => queries.members.list({ orgID: org.orgID }));
  // Read once: the dialog rebuilds the form on each opening.
  const snapshot = props.account ? { ...props.account } : undefined;
  const decimal = org.formats().decimal;
  const revenue = numberText(boundedNumber('Annual revenue').optional(), decimal).pipe(
    z
      .number()
      .optional()
      .transform((n) => n ?? null)
      .pipe(accountFields.annualRevenue),
  );
  const schema = z.object({ ...accountFields, annualRevenue: revenue });
  const initial = {
    name: snapshot?.name ?? '',
    annualRevenue:
      snapshot?.annualRevenue === null || snapshot?.annualRevenue === undefined
        ? ''
        : numberInputText(snapshot.annualRevenue, decimal),
    industry: snapshot?.industry ?? '',
    region: snapshot?.region ?? '',
    ownerID: snapshot ? (snapshot.ownerID ?? '') : (currentUser()?.id ?? ''),
  };
  const form = createFormState({
    fields: FIELDS,
    initial,
    parse: (v) => schema.safeParse({ ...v, ownerID: v.ownerID || null }),
  });

  const ownerOptions = createMemo<SelectOption[]>(() => {
    const list = members().map((m) => ({ value: m.userID, label: m.user?.name || 'Unnamed member' }));
    if (initial.ownerID && !list.some((o) => o.value === initial.ownerID))
      list.push({ value: initial.ownerID, label: 'Former member' });
    return [{ value: '', label: 'No owner' }, ...list];
  });

  const submit = createSubmit(form, {
    action: async (data) => {
      const id = snapshot?.id ?? crypto.randomUUID();
      let outcome: Awaited<ReturnType<typeof mutate>>;
      if (snapshot) {
        const patch: Record<string, unknown> = {};
        for (const key of Object.keys(data) as (keyof typeof data)[]) {
          if (data[key] !== (snapshot[key] ?? null)) patch[key] = data[key];
        }
        if (Object.keys(patch).length === 0) {
          props.onDone(id);
          return undefined;
        }
        outcome = await mutate(mutators.account.update({ id, ...patch }));
      } else {
        outcome = await mutate(mutators.account.create({ id, ...data }));
      }
      if (outcome.status === 'rejected') {
        const mapped = issueFieldErrors(outcome.issues, FIELDS);
        const fieldCount = Object.keys(mapped.fields).length;
        return { fields: mapped.fields, message: fieldCount > 0 ? mapped.other.join(' ') || undefined : outcome.message };
      }
      if (outcome.status === 'waiting')
        showToast({ title: 'Account saved on this device', description: 'It will sync when the connection is back.' });
      props.onDone(id);
      return undefined;
    },
  });

  return (
    <form class="form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
      <FormError message={submit.error()} />
      <TextInput label="Name" autocomplete="off" required {...form.bind('name')} />
      <div class="form-grid">
        <TextInput
          label="Annual revenue"
          inputMode="decimal"
          autocomplete="off"
          description={`Optional, in ${org.formats().settings.currency}.`}
          {...form.bind('annualRevenue')}
        />
        <SelectField label="Owner (CSM)" options={ownerOptions()} {...form.bind('ownerID')} />
        <TextInput label="Industry" autocomplete="off" description="Optional, e.g. Software." {...form.bind('industry')} />
        <TextInput label="Region" autocomplete="off" description="Optional, e.g. EMEA." {...form.bind('region')} />
      </div>
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
