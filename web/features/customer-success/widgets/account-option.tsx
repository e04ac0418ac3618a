import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, Show } from 'solid-js';
import { queries } from '../../../../sync/queries.ts';
import { SelectField } from '../../../components/select-field.tsx';
import type { WidgetOptionFieldsProps } from '../../dashboards/widgets/widget-props.ts';

/**
 * The account health widget's option in the widget editor: which of the
 * organization's active accounts (and the one already chosen, should it
 * have been deactivated since).
 */
export function AccountOptionField(props: WidgetOptionFieldsProps) {
  const [accounts, details] = useQuery(() => queries.accounts.list({ orgID: props.orgID }));
  // A new list only when a choice changes: rows synced again as they were must not rebuild an open list.
  const choices = createMemo(
    () =>
      accounts()
        .filter((a) => a.status === 'active' || a.id === props.options.accountId)
        .map((a) => ({ value: a.id, label: a.status === 'active' ? a.name : `${a.name} (inactive)` })),
    [],
    { equals: (a, b) => a.length === b.length && a.every((x, i) => x.value === b[i]?.value && x.label === b[i]?.label) },
  );
  // The select appears once there is something to choose: opened empty, it would stay empty.
  return (
    <Show
      when={choices().length > 0}
      fallback={
        <p class="field-hint">
          {details().type === 'complete'
            ? 'This organization has no active accounts yet. Add one on Accounts first.'
            : 'Loading the accounts…'}
        </p>
      }
    >
      <SelectField
        label="Account"
        name="accountId"
        value={String(props.options.accountId ?? '')}
        placeholder="Choose an account"
        options={choices()}
        onChange={(v) => props.setOption('accountId', v)}
      />
    </Show>
  );
}
