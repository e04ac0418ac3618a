import { Button } from '@kobalte/core/button';
import { createMemo, createSignal, Show } from 'solid-js';
import { formatsFor } from '../../../shared/formats.ts';
import { COMMON_CURRENCIES, COMMON_LOCALES, DEFAULT_TIME_ZONE } from '../../../shared/locale.ts';
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

/** The zone's offset now ("GMT+9"), so an admin can tell zones apart without knowing the city. */
function offsetOf(timeZone: string): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(Date.now());
    return parts.find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
}

const zoneOption = (zone: string): SelectOption => ({ value: zone, label: `${zone} (${offsetOf(zone) ?? 'offset unknown'})` });

/** Every zone Intl knows, UTC first (V8's list leaves it out), built once when Settings first opens (some 400 zones). */
let allZones: readonly SelectOption[] | undefined;
function timeZoneOptions(current: string): readonly SelectOption[] {
  // The name first: Kobalte's typeahead matches the start of the label ("Asia/T" jumps to Asia/Taipei).
  allZones ??= [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf('timeZone').filter((z) => z !== DEFAULT_TIME_ZONE)].map(zoneOption);
  return allZones.some((o) => o.value === current) ? allZones : [zoneOption(current), ...allZones];
}

/** A few values written the chosen way, so an admin sees what everyone will see. */
const SAMPLE_DAY = Date.UTC(2026, 4, 3);

/**
 * How the organization writes numbers, money and dates, for everyone in it:
 * a locale and a currency ("$" units are that currency when it is a dollar),
 * and the time zone its calendar days are read in. Admins change them;
 * others see them.
 */
export function FormatsPanel() {
  const org = useCurrentOrganization();
  const canEdit = () => can(org.role(), 'organization', 'update');
  const saved = () => org.formats().settings;
  // Drafts: undefined follows what is saved (and a change another admin makes).
  const [locale, setLocale] = createSignal<string>();
  const [currency, setCurrency] = createSignal<string>();
  const [timeZone, setTimeZone] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const chosen = () => ({
    locale: locale() ?? saved().locale,
    currency: currency() ?? saved().currency,
    timeZone: timeZone() ?? org.timeZone(),
  });
  const preview = createMemo(() => formatsFor({ locale: chosen().locale, currency: chosen().currency }));
  const changed = () =>
    chosen().locale !== saved().locale || chosen().currency !== saved().currency || chosen().timeZone !== org.timeZone();
  // Intl's zones (built once), plus the chosen one when the list lacks it (set through another browser's list).
  const zoneOptions = createMemo(() => timeZoneOptions(chosen().timeZone));
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
    setTimeZone(undefined);
    showToast({
      title: 'Formats saved',
      description: 'Everyone in the organization now sees numbers and dates this way.',
      tone: 'success',
    });
  };

  return (
    <section class="panel formats-panel" aria-labelledby="formats-title">
      <h2 id="formats-title">Numbers, money and dates</h2>
      <p class="panel-hint">
        How everyone in this organization sees numbers, amounts and dates, types decimals, and which day it is.
      </p>
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
          <SelectField
            label="Time zone"
            name="timeZone"
            description="The organization’s clock: the shop floor’s “today” and the shift dates it counts are read in it, whatever zone a screen is in. Type the first letters to jump to a zone."
            options={zoneOptions()}
            value={chosen().timeZone}
            onChange={setTimeZone}
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
