import { useQuery } from '@rocicorp/zero/solid';
import { Show } from 'solid-js';
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
  const choices = () =>
    accounts()
      .filter((a) => a.status === 'active' || a.id === props.options.accountId)
      .map((a) => ({ value: a.id, label: a.status === 'active' ? a.name : `${a.name} (inactive)` }));
  return (
    <Show
      when={accounts().length > 0 || details().type !== 'complete'}
      fallback={<p class="field-hint">This organization has no accounts yet. Add one on Accounts first.</p>}
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
