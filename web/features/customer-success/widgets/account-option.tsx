import { useQuery } from '@rocicorp/zero/solid';
import { Show } from 'solid-js';
import { queries } from '../../../../sync/queries.ts';
import { SelectField } from '../../../components/select-field.tsx';
import type { WidgetOptionFieldsProps } from '../../dashboards/widgets/widget-props.ts';

/** The account health widget's option in the widget editor: which account (the organization's, active ones first). */
export function AccountOptionField(props: WidgetOptionFieldsProps) {
  const [accounts, details] = useQuery(() => queries.accounts.list({ orgID: props.orgID }));
  const sorted = () =>
    [...accounts()]
      .sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1))
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
        options={sorted()}
        onChange={(v) => props.setOption('accountId', v)}
      />
    </Show>
  );
}
