import { createEffect, createMemo } from 'solid-js';
import { createStore } from 'solid-js/store';
import { currentUser } from '../../auth/session.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import type { MutateRequest } from '../../sync/mutate.ts';
import { type DraftRow, draftKey, loadDrafts, type RowState, storeDrafts } from './drafts.ts';
import { sendEntry } from './send-entry.ts';

export interface EntryRowsOptions<C> {
  /** Names the drafts on the device ("production", "check-in", "quality"). */
  form: string;
  blank: () => C;
  isBlank: (cells: C) => boolean;
}

/**
 * The rows of an entry form, each with its state (draft, not yet saved,
 * saved, refused), kept on the device through a reload until the server has
 * them. A refused row stays, editable, with the reason.
 */
export function useEntryRows<C extends object>(opts: EntryRowsOptions<C>) {
  const org = useCurrentOrganization();
  const key = () => draftKey(opts.form, org.orgID, currentUser()?.id ?? 'anonymous');
  const newRow = (): DraftRow<C> => ({ id: crypto.randomUUID(), cells: opts.blank(), state: { kind: 'draft' } });
  const kept = loadDrafts<C>(localStorage, key());
  const [rows, setRows] = createStore<DraftRow<C>[]>(kept.length ? kept : [newRow()]);

  createEffect(() => storeDrafts(localStorage, key(), rows, opts.isBlank));

  const indexOf = (id: string) => rows.findIndex((r) => r.id === id);
  const setState = (id: string, state: RowState) => {
    const i = indexOf(id);
    if (i >= 0) setRows(i, 'state', state);
  };

  const editable = (row: DraftRow<C>) => row.state.kind === 'draft' || row.state.kind === 'refused';
  return {
    rows,
    editable,
    /** For a one-entry form: a refused entry first (to fix, with its reason), else the draft being typed. */
    current: createMemo(() => rows.find((r) => r.state.kind === 'refused') ?? rows.findLast(editable)),
    /** Rows sent from here, not refused: "not yet saved" or "saved". */
    sent: createMemo(() => rows.filter((r) => !editable(r))),
    /** Rows sent and not yet confirmed by the server. */
    waiting: createMemo(() => rows.filter((r) => r.state.kind === 'pending').length),
    setCell<K extends keyof C>(id: string, column: K, value: C[K]) {
      const i = indexOf(id);
      if (i >= 0) setRows(i, 'cells', column as never, value as never);
    },
    setCells(id: string, cells: C) {
      const i = indexOf(id);
      if (i >= 0) setRows(i, 'cells', cells);
    },
    addRow(cells?: C) {
      setRows(rows.length, { ...newRow(), ...(cells ? { cells } : {}) });
    },
    /** Rows saved before a reload (the synced entries have their ids) read as saved, not as drafts. */
    markSavedElsewhere(savedIDs: ReadonlySet<string>) {
      for (const row of rows) if (row.state.kind === 'draft' && savedIDs.has(row.id)) setState(row.id, { kind: 'saved' });
    },
    /** Sends each row's request; a draft row is left at the end to go on typing. */
    send(requests: readonly { id: string; request: MutateRequest }[]) {
      for (const { id } of requests) setState(id, { kind: 'pending' });
      if (!rows.some((r) => r.state.kind === 'draft')) setRows(rows.length, newRow());
      return Promise.all(requests.map(({ id, request }) => sendEntry(request, (state) => setState(id, state))));
    },
    clearSaved() {
      setRows((all) => {
        const left = all.filter((r) => r.state.kind !== 'saved');
        return left.length ? left : [newRow()];
      });
    },
  };
}
export type EntryRows<C extends object> = ReturnType<typeof useEntryRows<C>>;
