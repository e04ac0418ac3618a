import { Button } from '@kobalte/core/button';
import { createMemo, createSignal, Show } from 'solid-js';
import { formatsFor } from '../../../shared/formats.ts';
import { COMMON_CURRENCIES, COMMON_LOCALES } from '../../../shared/locale.ts';
import { can } from '../../../shared/roles.ts';
import { mutators } from '../../../sync/mutators.ts';
import { FormError } from '../../components/form-error.tsx';
import { SelectField, type SelectOption } from '../../components/select-field.tsx';
import { showToast } from '../../components/toast.tsx';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';

const languageNames = new Intl.DisplayNames('en', { type: 'language' });
const currencyNames = new Intl.DisplayNames('en', { type: 'currency' });

/** The common choices, plus the current one when it is not among them (set through the API). */
function options(common: readonly string[], current: string, name: (code: string) => string | undefined): SelectOption[] {
  const codes = common.includes(current) ? common : [current, ...common];
  return codes.map((code) => ({ value: code, label: `${name(code) ?? code} (${code})` }));
}

/** A few values written the chosen way, so an admin sees what everyone will see. */
const SAMPLE_DAY = Date.UTC(2026, 4, 3);

/**
 * How the organization writes numbers, money and dates, for everyone in it:
 * a locale and a currency ("$" units are that currency when it is a dollar).
 * Admins change it; others see it.
 */
export function FormatsPanel() {
  const org = useCurrentOrganization();
  const canEdit = () => can(org.role(), 'organization', 'update');
  const saved = () => org.formats().settings;
  // Drafts: undefined follows what is saved (and a change another admin makes).
  const [locale, setLocale] = createSignal<string>();
  const [currency, setCurrency] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const chosen = () => ({ locale: locale() ?? saved().locale, currency: currency() ?? saved().currency });
  const preview = createMemo(() => formatsFor(chosen()));
  const changed = () => chosen().locale !== saved().locale || chosen().currency !== saved().currency;
  const sample = () => {
    const f = preview();
    return `${f.quantity(45_250, chosen().currency)} · ${f.quantity(1_234.5, 'users')} · ${f.quantity(3_400_000, '')} · ${f.percent(0.64)} · ${f.day(SAMPLE_DAY)}`;
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    const outcome = await mutate(mutators.organization.updateFormats(chosen()));
    setBusy(false);
    if (outcome.status === 'rejected') return setError(outcome.message);
    setLocale(undefined);
    setCurrency(undefined);
    showToast({
      title: 'Formats saved',
      description: 'Everyone in the organization now sees numbers this way.',
      tone: 'success',
    });
  };

  return (
    <section class="panel formats-panel" aria-labelledby="formats-title">
      <h2 id="formats-title">Numbers, money and dates</h2>
      <p class="panel-hint">How everyone in this organization sees numbers, amounts and dates, and types decimals.</p>
      <form class="form" onSubmit={(e) => void save(e)} noValidate>
        <FormError message={error()} />
        <div class="form-grid">
          <SelectField
            label="Locale"
            name="locale"
            options={options(COMMON_LOCALES, chosen().locale, (c) => languageNames.of(c))}
            value={chosen().locale}
            onChange={setLocale}
            disabled={!canEdit()}
          />
          <SelectField
            label="Currency"
            name="currency"
            description="Units such as $ and USD are shown in this currency’s style."
            options={options(COMMON_CURRENCIES, chosen().currency, (c) => currencyNames.of(c))}
            value={chosen().currency}
            onChange={setCurrency}
            disabled={!canEdit()}
          />
        </div>
        <p class="format-sample" aria-live="polite">
          For example: <output>{sample()}</output>
        </p>
        <Show when={canEdit()} fallback={<p class="panel-hint">Only owners and admins can change these.</p>}>
          <div class="form-actions">
            <Button type="submit" class="button button-primary" disabled={busy() || !changed()}>
              {busy() ? 'Saving…' : 'Save formats'}
            </Button>
          </div>
        </Show>
      </form>
    </section>
  );
}
