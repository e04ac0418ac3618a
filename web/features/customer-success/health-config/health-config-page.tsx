import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createSignal, For, Show } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { queries } from '../../../../sync/queries.ts';
import type { ReferenceRangeRow } from '../../../../sync/schema.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';
import { ReadOnlyNote } from '../../workspace/read-only-note.tsx';
import { WorkspacePage } from '../../workspace/workspace-page.tsx';
import { RescorePanel } from '../health/rescore-panel.tsx';
import { RangeEditor } from './range-editor.tsx';
import { WeightsPanel } from './weights-panel.tsx';

/**
 * `/settings/health`: the reference ranges (per KPI name) and category
 * weights health scores use, and every change made to them, live for every
 * member; admins change them.
 */
export function HealthConfigPage() {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const canEdit = () => can(org.role(), 'healthConfig', 'manage');
  const [ranges, details] = useQuery(() => queries.health.ranges({ orgID: org.orgID }));
  const [versions] = useQuery(() => queries.health.versions({ orgID: org.orgID, limit: 20 }));
  const [editing, setEditing] = createSignal<ReferenceRangeRow | 'new'>();
  const band = (min: number, max: number) => `${fmt().number(min)} – ${fmt().number(max)}`;

  return (
    <WorkspacePage
      title="Health scoring"
      headingId="health-config-title"
      subtitle="Reference ranges and category weights for account health"
      actions={
        <Show when={canEdit()} fallback={<ReadOnlyNote />}>
          <Button class="button button-primary" onClick={() => setEditing('new')}>
            New range
          </Button>
        </Show>
      }
    >
      <QueryError details={details()} what="the reference ranges" />
      <div class="settings-layout">
        <section class="panel" aria-labelledby="ranges-title">
          <h2 id="ranges-title">Reference ranges</h2>
          <Show when={ranges().length > 0} fallback={<p class="panel-hint">No ranges yet: a KPI without one is not scored.</p>}>
            <table class="data-table stack-table">
              <caption class="visually-hidden">Reference ranges by KPI name</caption>
              <thead>
                <tr>
                  <th scope="col">KPI</th>
                  <th scope="col">Better</th>
                  <th scope="col">Critical</th>
                  <th scope="col">Risk</th>
                  <th scope="col">Healthy</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={ranges()}>
                  {(r) => (
                    <tr>
                      <th scope="row" data-label="KPI">
                        {r.kpiName}
                        {r.unit ? ` (${r.unit})` : ''}
                      </th>
                      <td data-label="Better">{r.higherIsBetter ? 'Higher' : 'Lower'}</td>
                      <td data-label="Critical">{band(r.criticalMin, r.criticalMax)}</td>
                      <td data-label="Risk">{band(r.riskMin, r.riskMax)}</td>
                      <td data-label="Healthy">{band(r.healthyMin, r.healthyMax)}</td>
                      <td>
                        <Show when={canEdit()}>
                          <Button
                            class="button button-ghost button-small"
                            aria-label={`Edit the range of ${r.kpiName}`}
                            onClick={() => setEditing(r)}
                          >
                            Edit
                          </Button>
                          <Button
                            class="button button-ghost button-small"
                            aria-label={`Remove the range of ${r.kpiName}`}
                            onClick={() => void mutate(mutators.referenceRange.remove({ kpiName: r.kpiName }))}
                          >
                            Remove
                          </Button>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </section>
        <WeightsPanel canEdit={canEdit()} />
        <section class="panel" aria-labelledby="versions-title">
          <h2 id="versions-title">Configuration versions</h2>
          <Show when={versions().length > 0} fallback={<p class="panel-hint">No changes yet.</p>}>
            <ol class="version-list" reversed>
              <For each={versions()}>
                {(v) => (
                  <li>
                    <strong>v{v.version}</strong>{' '}
                    {v.kind === 'reference_range' ? `range of ${v.subject ?? '?'}` : 'category weights'}{' '}
                    {v.after ? (v.before ? 'changed' : 'added') : 'removed'} by {v.author?.name ?? 'someone'},{' '}
                    <time datetime={new Date(v.changedAt).toISOString()}>{fmt().dateTime(v.changedAt)}</time>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        </section>
        <RescorePanel />
      </div>
      <Show when={editing()} keyed>
        {(target) => (
          <RangeEditor row={target === 'new' ? undefined : target} open onOpenChange={(open) => !open && setEditing(undefined)} />
        )}
      </Show>
    </WorkspacePage>
  );
}
