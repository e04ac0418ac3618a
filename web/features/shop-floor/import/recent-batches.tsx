import { useQuery } from '@rocicorp/zero/solid';
import { For, Match, Switch } from 'solid-js';
import { queries } from '../../../../sync/queries.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { BatchProgress } from './batch-progress.tsx';

/** The organization's latest CSV batches with their status and progress, live; "Show" opens one. */
export function RecentBatches(props: { selected: string | undefined; onSelect: (id: string) => void }) {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const [batches, details] = useQuery(() => queries.productionBatches.recent({ orgID: org.orgID }));
  return (
    <section class="panel" aria-labelledby="recent-batches-title">
      <h2 id="recent-batches-title">Recent imports</h2>
      <QueryError details={details()} what="the recent imports" />
      <Switch>
        <Match when={batches().length === 0 && details().type === 'unknown'}>
          <div aria-busy="true">
            <p class="visually-hidden">Loading recent imports…</p>
            <div class="skeleton page-skeleton" aria-hidden="true" />
          </div>
        </Match>
        <Match when={batches().length === 0}>
          <p class="empty-state">No CSV has been uploaded in this organization yet.</p>
        </Match>
        <Match when={true}>
          <table class="data-table stack-table recent-batches">
            <caption class="visually-hidden">Recent imports, newest first</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Uploaded</th>
                <th scope="col" class="num">
                  Rows
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              <For each={batches()}>
                {(b) => (
                  <tr data-batch-id={b.id} aria-current={props.selected === b.id ? 'true' : undefined}>
                    <th scope="row">
                      <button type="button" class="link-button" onClick={() => props.onSelect(b.id)}>
                        {b.fileName ?? 'Unnamed file'}
                      </button>
                    </th>
                    <td data-label="Uploaded">
                      {b.author?.name ?? 'Someone'}, {fmt().dateTime(b.createdAt)}
                    </td>
                    <td data-label="Rows" class="num">
                      {fmt().number(b.valid)} valid of {fmt().number(b.total)}
                    </td>
                    <td data-label="Status">
                      <BatchProgress batch={b} label={b.fileName ?? 'Import'} />
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Match>
      </Switch>
    </section>
  );
}
