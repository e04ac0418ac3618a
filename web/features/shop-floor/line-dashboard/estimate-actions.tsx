import { Button } from '@kobalte/core/button';
import { createSignal, Show } from 'solid-js';
import { numberInputText, readNumber } from '../../../../shared/numbers.ts';
import type { InferredValue } from '../../../../shared/shop-floor/calculate.ts';
import { idealCycleSeconds } from '../../../../shared/shop-floor/master-data.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { FormError } from '../../../components/form-error.tsx';
import { Modal } from '../../../components/modal.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';

export interface EstimatedProduct {
  id: string;
  code: string;
  name: string;
  idealCycleSeconds?: number | null | undefined;
}

/** Seconds as a person reads them: two decimals at most. */
const roundedSeconds = (s: number) => Math.round(s * 100) / 100;

/**
 * A leader's answer to an estimated ideal cycle time: accept it, or type the
 * right one, either way set on the product through the master-data mutator
 * (the server checks the role; the audit trigger records the change). The
 * dialog says what will change before anything is written. Only offered to
 * roles that may edit products (the caller checks).
 */
export function EstimateActions(props: { estimate: InferredValue; product: EstimatedProduct }) {
  const org = useCurrentOrganization();
  const fmt = () => org.formats();
  const [mode, setMode] = createSignal<'accept' | 'override' | null>(null);
  const [typed, setTyped] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const name = () => `${props.product.code} · ${props.product.name}`;
  const estimate = () => roundedSeconds(props.estimate.value);

  const open = (m: 'accept' | 'override') => {
    setError(undefined);
    setTyped(numberInputText(estimate(), fmt().decimal));
    setMode(m);
  };
  /** The seconds to set: the estimate, or the typed value checked with the product's own rule. */
  const seconds = (): { ok: true; value: number } | { ok: false; message: string } => {
    if (mode() === 'accept') return { ok: true, value: estimate() };
    const reading = readNumber(typed(), { decimal: fmt().decimal });
    if (!reading.ok) return { ok: false, message: `Ideal cycle time: ${reading.reason}` };
    const parsed = idealCycleSeconds.safeParse(reading.value);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? '' };
  };
  const current = () =>
    props.product.idealCycleSeconds == null ? 'It has none now' : `It is ${fmt().number(props.product.idealCycleSeconds)} s now`;

  const save = async () => {
    const s = seconds();
    if (!s.ok) {
      setError(s.message);
      return;
    }
    setBusy(true);
    const outcome = await mutate(mutators.product.update({ id: props.product.id, idealCycleSeconds: s.value }));
    setBusy(false);
    if (outcome.status === 'rejected') setError(outcome.message);
    else setMode(null);
  };

  return (
    <span class="sf-estimate-actions">
      <Button class="button button-small button-secondary" onClick={() => open('accept')}>
        Accept<span class="visually-hidden"> the estimated ideal cycle time of {name()}</span>
      </Button>
      <Button class="button button-small button-ghost" onClick={() => open('override')}>
        Override<span class="visually-hidden"> the estimated ideal cycle time of {name()}</span>
      </Button>
      <Modal
        open={mode() !== null}
        onOpenChange={(o) => !o && setMode(null)}
        title={mode() === 'accept' ? `Accept the estimate for ${name()}` : `Set the ideal cycle time of ${name()}`}
        initialFocus={mode() === 'override' ? 'input' : undefined}
      >
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Show when={mode() === 'override'}>
            <TextInput
              label="Ideal cycle time (seconds)"
              name="idealCycleSeconds"
              inputMode="decimal"
              value={typed()}
              onChange={(v) => {
                setTyped(v);
                setError(undefined);
              }}
              error={error()}
            />
          </Show>
          <p class="sf-confirm-text">
            {(() => {
              const s = seconds();
              const to = s.ok ? `${fmt().number(s.value)} s` : 'the value you type';
              return `This sets the ideal cycle time of product ${name()} to ${to} (${current().toLowerCase()}). Every KPI of this product, past ranges included, then uses it as configured (confidence 1.0) instead of the estimate of ${fmt().number(estimate())} s. The change is recorded in the audit trail.`;
            })()}
          </p>
          <Show when={mode() === 'accept'}>
            <FormError message={error()} />
          </Show>
          <div class="dialog-actions">
            <Button class="button button-ghost" onClick={() => setMode(null)}>
              Cancel
            </Button>
            <Button type="submit" class="button button-primary" disabled={busy()}>
              {busy() ? 'Saving…' : 'Set the ideal cycle time'}
            </Button>
          </div>
        </form>
      </Modal>
    </span>
  );
}
