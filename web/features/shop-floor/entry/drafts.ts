/**
 * Entry drafts kept on the device through a reload: what a person typed and
 * has not had confirmed by the server, per form, organization and person
 * (two people sharing a tablet keep their own). Saved rows are not kept.
 */
export type RowState =
  | { kind: 'draft' }
  /** Sent and applied here; the server has not confirmed it yet. */
  | { kind: 'pending' }
  | { kind: 'saved' }
  | { kind: 'refused'; reason: string };

export interface DraftRow<C> {
  id: string;
  cells: C;
  state: RowState;
}

export const draftKey = (form: string, orgID: string, userID: string) => `liveKpi.entryDrafts.${form}.${orgID}.${userID}`;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The rows kept under `key`, as drafts again. A row sent before the reload
 * comes back editable with its id: the page marks it saved when the synced
 * entries have that id, and sending it again cannot make a second entry.
 */
export function loadDrafts<C>(store: Store, key: string): DraftRow<C>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(store.getItem(key) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter((r): r is DraftRow<C> => !!r && typeof r === 'object' && typeof r.id === 'string' && !!r.cells)
    .map((r) => ({ id: r.id, cells: r.cells, state: r.state?.kind === 'refused' ? r.state : { kind: 'draft' } }));
}

/** Keeps every row not yet saved; nothing left removes the key. */
export function storeDrafts<C>(store: Store, key: string, rows: readonly DraftRow<C>[], blank: (cells: C) => boolean) {
  const kept = rows.filter((r) => r.state.kind !== 'saved' && !(r.state.kind === 'draft' && blank(r.cells)));
  try {
    if (kept.length === 0) store.removeItem(key);
    else store.setItem(key, JSON.stringify(kept));
  } catch {
    // Storage full or refused (private mode): the drafts live as long as the page.
  }
}

/** The state a row takes from a write's outcome. */
export function stateOf(
  outcome: { status: 'saved' } | { status: 'waiting' } | { status: 'rejected'; message: string },
): RowState {
  if (outcome.status === 'saved') return { kind: 'saved' };
  if (outcome.status === 'rejected') return { kind: 'refused', reason: outcome.message };
  return { kind: 'pending' };
}

export const STATE_LABELS: Record<RowState['kind'], string> = {
  draft: 'Draft',
  pending: 'Not yet saved',
  saved: 'Saved',
  refused: 'Refused',
};
