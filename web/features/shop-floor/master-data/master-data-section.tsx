import { createSignal, For, Show } from 'solid-js';
import { can } from '../../../../shared/roles.ts';
import { mutators } from '../../../../sync/mutators.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { Modal } from '../../../components/modal.tsx';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { type MutateRequest, mutate } from '../../sync/mutate.ts';
import { RoleGate } from '../../workspace/role-gate.tsx';
import { MasterDataForm } from './master-data-form.tsx';
import type { MasterRow, MasterSpec } from './specs.ts';

type Group = Record<'archive' | 'restore', (args: { id: string }) => MutateRequest>;
const isArchived = (row: MasterRow) => row.archivedAt !== null && row.archivedAt !== undefined;

/**
 * One master data object's section: its rows (archived ones marked), and,
 * for managers and up, adding, editing, archiving and restoring. Archived
 * rows stay, since work orders and jobs keep pointing at them.
 */
export function MasterDataSection(props: { spec: MasterSpec; rows: readonly MasterRow[]; loading: boolean }) {
  const org = useCurrentOrganization();
  const fmt = useFormats();
  const [editing, setEditing] = createSignal<MasterRow | 'new'>();
  const close = () => setEditing(undefined);
  const may = (action: 'create' | 'update' | 'archive') => can(org.role(), props.spec.kind, action);
  const headingId = () => `md-${props.spec.kind}-title`;
  const group = () => mutators[props.spec.kind] as unknown as Group;
  const toggle = async (row: MasterRow) =>
    (await mutate(isArchived(row) ? group().restore({ id: row.id }) : group().archive({ id: row.id }))).status !== 'rejected';
  const label = (row: MasterRow) => String(row.name ?? row.code ?? '');

  return (
    <section class="panel master-data-panel" aria-labelledby={headingId()} data-kind={props.spec.kind}>
      <div class="panel-head">
        <h2 id={headingId()}>{props.spec.title}</h2>
        <RoleGate allowed={may('create')} action={`add ${props.spec.title.toLowerCase()}`}>
          <button type="button" class="button button-secondary button-small" onClick={() => setEditing('new')}>
            Add {props.spec.singular}
          </button>
        </RoleGate>
      </div>
      <p class="panel-hint">{props.spec.intro}</p>
      <Show
        when={props.rows.length > 0}
        fallback={
          <p class="panel-hint" aria-busy={props.loading}>
            {props.loading ? 'Loading…' : `No ${props.spec.title.toLowerCase()} yet.`}
          </p>
        }
      >
        <table class="data-table stack-table">
          <caption class="visually-hidden">{props.spec.title}</caption>
          <thead>
            <tr>
              <For each={props.spec.columns}>
                {(c) => (
                  <th scope="col" class={c.numeric ? 'num' : undefined}>
                    {c.label}
                  </th>
                )}
              </For>
              <Show when={may('update') || may('archive')}>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr data-row-id={row.id} classList={{ archived: isArchived(row) }}>
                  <For each={props.spec.columns}>
                    {(c, i) =>
                      i() === 0 ? (
                        <th scope="row">
                          {c.value(row, fmt())}
                          <Show when={isArchived(row)}>
                            <span class="muted"> (archived)</span>
                          </Show>
                        </th>
                      ) : (
                        <td data-label={c.label} class={c.numeric ? 'num' : undefined}>
                          {c.value(row, fmt())}
                        </td>
                      )
                    }
                  </For>
                  <Show when={may('update') || may('archive')}>
                    <td>
                      <div class="row-actions">
                        <Show when={may('update')}>
                          <button
                            type="button"
                            class="button button-ghost button-small"
                            aria-label={`Edit ${props.spec.singular} ${label(row)}`}
                            onClick={() => setEditing(row)}
                          >
                            Edit
                          </button>
                        </Show>
                        <Show when={may('archive')}>
                          <ConfirmButton
                            label={isArchived(row) ? 'Restore' : 'Archive'}
                            ariaLabel={`${isArchived(row) ? 'Restore' : 'Archive'} ${props.spec.singular} ${label(row)}`}
                            triggerClass="button button-ghost button-small"
                            title={`${isArchived(row) ? 'Restore' : 'Archive'} ${label(row)}?`}
                            description={
                              isArchived(row)
                                ? 'It can be chosen again.'
                                : 'It can no longer be chosen; what already uses it keeps it, and it can be restored.'
                            }
                            confirmLabel={isArchived(row) ? 'Restore' : 'Archive'}
                            danger={!isArchived(row)}
                            onConfirm={() => toggle(row)}
                          />
                        </Show>
                      </div>
                    </td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Modal
        open={editing() !== undefined}
        onOpenChange={(open) => !open && close()}
        title={editing() === 'new' ? `Add a ${props.spec.singular}` : `Edit ${props.spec.singular}`}
        initialFocus="input"
      >
        <MasterDataForm
          spec={props.spec}
          row={editing() === 'new' ? undefined : (editing() as MasterRow | undefined)}
          onDone={close}
        />
      </Modal>
    </section>
  );
}
