import { For, Show } from 'solid-js';
import { STATUS_LABELS, type WorkOrderStatus } from '../../../../shared/shop-floor/work-orders.ts';
import { useFormats } from '../../organizations/current-organization.tsx';
import { durationText } from '../inputs.ts';

export interface TransitionRow {
  id: string;
  from?: WorkOrderStatus | null | undefined;
  to: WorkOrderStatus;
  reason?: string | null | undefined;
  createdAt: number;
  actor?: { name: string } | undefined;
}
export interface HoldRow {
  id: string;
  reason: string;
  startedAt: number;
  endedAt?: number | null | undefined;
  durationSeconds?: number | null | undefined;
}

/** Every status change of the order, oldest first: from, to, who, when and why. */
export function TransitionHistory(props: { transitions: readonly TransitionRow[] }) {
  const fmt = useFormats();
  return (
    <section class="panel" aria-labelledby="wo-history-title">
      <h2 id="wo-history-title">History</h2>
      <ol class="wo-history" aria-label="Status changes, oldest first">
        <For each={props.transitions}>
          {(t) => (
            <li data-transition-id={t.id}>
              <span class="wo-history-move">
                {t.from ? `${STATUS_LABELS[t.from]} → ${STATUS_LABELS[t.to]}` : `Created as ${STATUS_LABELS[t.to].toLowerCase()}`}
              </span>
              <span class="muted">
                {' '}
                by {t.actor?.name ?? 'a former member'},{' '}
                <time dateTime={new Date(t.createdAt).toISOString()}>{fmt().dateTime(t.createdAt)}</time>
              </span>
              <Show when={t.reason}>
                <q class="wo-history-reason">{t.reason}</q>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

/** The order's holds: why, from when to when, and how long each lasted (the open one is still running). */
export function HoldList(props: { holds: readonly HoldRow[] }) {
  const fmt = useFormats();
  return (
    <section class="panel" aria-labelledby="wo-holds-title">
      <h2 id="wo-holds-title">Holds</h2>
      <Show when={props.holds.length > 0} fallback={<p class="panel-hint">Never on hold.</p>}>
        <table class="data-table stack-table">
          <caption class="visually-hidden">Holds, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Started</th>
              <th scope="col">Released</th>
              <th scope="col" class="num">
                Duration
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.holds}>
              {(h) => (
                <tr data-hold-id={h.id}>
                  <th scope="row">{h.reason}</th>
                  <td data-label="Started">{fmt().dateTime(h.startedAt)}</td>
                  <td data-label="Released">{h.endedAt == null ? 'Still on hold' : fmt().dateTime(h.endedAt)}</td>
                  <td data-label="Duration" class="num">
                    {h.durationSeconds == null ? '—' : durationText(h.durationSeconds)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
