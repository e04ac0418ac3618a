import { Button } from '@kobalte/core/button';
import { useNavigate } from '@solidjs/router';
import { createSignal, For } from 'solid-js';
import type { Dashboard } from '../../../../sync/schema.ts';
import { Modal } from '../../../components/modal.tsx';

const INTERVALS = [15, 30, 60, 120, 300] as const;

/** Picks the dashboards a wall screen rotates through, and how long each stays, then starts TV mode. */
export function TvDialog(props: {
  current: string;
  dashboards: readonly Dashboard[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const navigate = useNavigate();
  const [chosen, setChosen] = createSignal<string[]>([props.current]);
  const [every, setEvery] = createSignal(30);
  const toggle = (id: string, on: boolean) =>
    setChosen((ids) => (on ? [...ids.filter((i) => i !== id), id] : ids.filter((i) => i !== id)));
  const start = (e: SubmitEvent) => {
    e.preventDefault();
    if (chosen().length === 0) return;
    navigate(`/tv?dashboards=${chosen().join(',')}&every=${every()}`);
  };
  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      title="TV mode"
      description="Full screen, dark, large type, live. Escape or “Exit TV mode” leaves it."
    >
      <form class="form" onSubmit={start}>
        <fieldset class="field">
          <legend>Show, in this order</legend>
          <ul class="checkbox-list">
            <For each={props.dashboards}>
              {(d) => (
                <li>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen().includes(d.id)}
                      onChange={(e) => toggle(d.id, e.currentTarget.checked)}
                    />{' '}
                    {d.name}
                  </label>
                </li>
              )}
            </For>
          </ul>
        </fieldset>
        <label class="field">
          <span class="field-label">Each dashboard stays for</span>
          <select class="field-input" value={every()} onChange={(e) => setEvery(Number(e.currentTarget.value))}>
            <For each={INTERVALS}>
              {(s) => <option value={s}>{s < 60 ? `${s} seconds` : `${s / 60} minute${s === 60 ? '' : 's'}`}</option>}
            </For>
          </select>
        </label>
        <div class="form-actions">
          <Button type="submit" class="button button-primary" disabled={chosen().length === 0}>
            Start TV mode
          </Button>
        </div>
      </form>
    </Modal>
  );
}
