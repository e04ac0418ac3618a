import { Button } from '@kobalte/core/button';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { can, canActOn } from '../../../../shared/roles.ts';
import { mutators } from '../../../../sync/mutators.ts';
import type { DataPoint, Kpi, User } from '../../../../sync/schema.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { currentUser } from '../../auth/session.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';
import { RoleGate } from '../../workspace/role-gate.tsx';
import { EditPointForm } from './edit-point-form.tsx';

export type PointRow = DataPoint & { readonly author?: User | undefined };

const PAGE = 50;
const SOURCE_LABELS: Record<DataPoint['source'], string> = {
  manual: 'Manual',
  import: 'CSV import',
  integration: 'Integration',
  upload: 'Excel upload',
};

export interface DataPointsTableProps {
  kpi: Kpi;
  points: readonly PointRow[];
  loading: boolean;
  /** Why nothing can be changed (archived KPI), if so. */
  lockedReason?: string | undefined;
  /** Points an insight cites: highlighted. */
  cited: ReadonlySet<string>;
  /** A point to bring into view and focus (from an insight's citation). */
  reveal: { id: string; seq: number } | undefined;
}

export const pointRowId = (id: string) => `point-${id}`;

/**
 * Every data point, newest first, with inline correction and deletion for
 * those allowed (operators only their own points; the server decides anyway).
 */
export function DataPointsTable(props: DataPointsTableProps) {
  const org = useCurrentOrganization();
  const [shown, setShown] = createSignal(PAGE);
  const [editing, setEditing] = createSignal<string>();
  const visible = createMemo(() => props.points.slice(0, shown()));

  const canEdit = (p: PointRow) => canActOn(org.role(), 'dataPoint', 'update', p.createdBy, currentUser()?.id);
  const canDelete = () => can(org.role(), 'dataPoint', 'delete');
  const when = (p: PointRow) => org.formats().dateTime(p.recordedAt);
  const withUnit = (n: number) => org.formats().quantity(n, props.kpi.unit);

  // A citation may point further down than what is shown: show enough rows, then focus it.
  createEffect(
    on(
      () => props.reveal,
      (target) => {
        if (!target) return;
        const index = props.points.findIndex((p) => p.id === target.id);
        if (index < 0) return;
        if (index >= shown()) setShown(Math.ceil((index + 1) / PAGE) * PAGE);
        queueMicrotask(() => {
          const row = document.getElementById(pointRowId(target.id));
          row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          row?.focus({ preventScroll: true });
        });
      },
    ),
  );

  const remove = async (p: PointRow) => {
    const outcome = await mutate(mutators.dataPoint.delete({ id: p.id }));
    return outcome.status !== 'rejected';
  };

  return (
    <section class="panel" aria-labelledby="points-title">
      <h2 id="points-title">Data points</h2>
      <Show when={props.lockedReason}>
        <p class="panel-hint" id="points-locked">
          {props.lockedReason}
        </p>
      </Show>
      <Show
        when={props.points.length > 0}
        fallback={<p class="panel-hint">{props.loading ? 'Loading data points…' : 'No data points yet.'}</p>}
      >
        {/* Focusable so a keyboard can scroll it sideways on a narrow screen. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <section class="table-scroll" tabIndex={0} aria-label="Data points table">
          <table class="data-table points-table stack-table">
            <caption class="visually-hidden">
              Data points of {props.kpi.name}, newest first ({props.points.length})
            </caption>
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col">Time</th>
                <th scope="col">Source</th>
                <th scope="col">Note</th>
                <th scope="col">Author</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={visible()}>
                {(p) => (
                  <tr id={pointRowId(p.id)} tabIndex={-1} data-cited={props.cited.has(p.id) ? '' : undefined}>
                    <Show
                      when={editing() === p.id}
                      fallback={
                        <>
                          <td class="num" data-label="Value">
                            {withUnit(p.value)}
                            <Show when={props.cited.has(p.id)}>
                              <span class="cited-mark"> (cited)</span>
                            </Show>
                          </td>
                          <td data-label="Time">
                            <time datetime={new Date(p.recordedAt).toISOString()}>{when(p)}</time>
                          </td>
                          <td data-label="Source">{SOURCE_LABELS[p.source] ?? p.source}</td>
                          <td data-label="Note" class="note-cell">
                            {p.note || '—'}
                          </td>
                          <td data-label="Author">{p.author?.name ?? '—'}</td>
                          <td class="row-actions-cell">
                            <div class="row-actions-inner">
                              <Show when={canEdit(p)}>
                                <Button
                                  class="button button-small button-ghost"
                                  aria-label={`Edit data point from ${when(p)}`}
                                  disabled={!!props.lockedReason}
                                  aria-describedby={props.lockedReason ? 'points-locked' : undefined}
                                  onClick={() => setEditing(p.id)}
                                >
                                  Edit
                                </Button>
                              </Show>
                              <Show when={canDelete()}>
                                <ConfirmButton
                                  label="Delete"
                                  ariaLabel={`Delete data point from ${when(p)}`}
                                  disabled={!!props.lockedReason}
                                  describedBy={props.lockedReason ? 'points-locked' : undefined}
                                  title="Delete data point?"
                                  description={`${withUnit(p.value)} from ${when(p)} is removed for everyone, and the current value and goals are recalculated. This cannot be undone.`}
                                  confirmLabel="Delete"
                                  busyLabel="Deleting…"
                                  onConfirm={() => remove(p)}
                                />
                              </Show>
                            </div>
                          </td>
                        </>
                      }
                    >
                      <td colSpan={6}>
                        <RoleGate allowed={canEdit(p)} action="correct this data point">
                          <EditPointForm
                            point={p}
                            label={`Edit data point from ${when(p)}`}
                            onDone={() => setEditing(undefined)}
                          />
                        </RoleGate>
                      </td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
        <Show when={props.points.length > shown()}>
          <p class="table-more">
            Showing {shown()} of {props.points.length}.{' '}
            <Button class="button button-small button-secondary" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, props.points.length - shown())} more
            </Button>
          </p>
        </Show>
      </Show>
    </section>
  );
}
