import { For, Show } from 'solid-js';
import type { ProductionEntry } from '../../../../sync/schema.ts';
import { EditEntryDialog } from './edit-entry-dialog.tsx';
import { readBack } from './read-back.ts';

export type RecentEntry = ProductionEntry & {
  readonly line?: { name: string } | undefined;
  readonly shift?: { name: string } | undefined;
  readonly workOrder?: { number: string } | undefined;
  readonly job?: { name: string } | undefined;
};

/** An entry in words, as the read-back says it. */
export const entryWords = (e: RecentEntry) =>
  readBack({
    line: e.line?.name ?? 'Unknown line',
    shift: e.shift?.name ?? null,
    shiftDate: e.shiftDate,
    workOrder: e.workOrder?.number ?? 'unknown',
    job: e.job?.name ?? null,
    unitsProduced: e.unitsProduced,
    unitsDefective: e.unitsDefective,
    runHours: e.runHours,
    employeesAssigned: e.employeesAssigned,
    employeesPresent: e.employeesPresent ?? null,
  });

/** The latest production entries, live, newest first; managers and up get "Edit" on each. */
export function RecentEntries(props: { entries: readonly RecentEntry[]; loading: boolean; canEdit: boolean }) {
  return (
    <section class="recent-entries" aria-labelledby="recent-entries-title">
      <h2 id="recent-entries-title">Recent entries</h2>
      <Show
        when={props.entries.length > 0}
        fallback={<p class="empty-note">{props.loading ? 'Loading entries…' : 'No production entries yet.'}</p>}
      >
        <ul class="recent-list" aria-label="Recent production entries, newest first">
          <For each={props.entries}>
            {(e) => (
              <li data-entry-id={e.id}>
                <span class="recent-words">{entryWords(e)}</span>
                <Show when={props.canEdit}>
                  <EditEntryDialog entry={e} label={entryWords(e)} />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
