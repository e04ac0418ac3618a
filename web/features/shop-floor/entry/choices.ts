import { useQuery } from '@rocicorp/zero/solid';
import { createMemo } from 'solid-js';
import { queries } from '../../../../sync/queries.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import type { EntryChoices } from './production-row.ts';

/** The organization's lines, shifts and open work orders (with their jobs), live, as the entry forms offer them; archived master data is not offered. */
export function useEntryChoices() {
  const org = useCurrentOrganization();
  const [lines] = useQuery(() => queries.lines.list({ orgID: org.orgID }));
  const [shifts] = useQuery(() => queries.shifts.list({ orgID: org.orgID }));
  const [orders] = useQuery(() => queries.workOrders.open({ orgID: org.orgID }));
  const live = <T extends { archivedAt?: number | null }>(rows: readonly T[]) => rows.filter((r) => !r.archivedAt);
  return createMemo<EntryChoices>(() => ({ lines: live(lines()), shifts: live(shifts()), orders: orders() }));
}
