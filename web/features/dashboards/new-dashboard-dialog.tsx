import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { dashboardFields } from '../../../shared/dashboards/fields.ts';
import { TEMPLATE_IDS, TEMPLATES, type TemplateID, templateWidgets } from '../../../shared/dashboards/templates.ts';
import { can } from '../../../shared/roles.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import { FormError } from '../../components/form-error.tsx';
import { Modal } from '../../components/modal.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';

/**
 * A new dashboard: blank or from a starter template (SaaS metrics, customer
 * success, shop floor), laid out from the organization's KPIs in one click;
 * shared with the organization (managers and up) or private.
 */
export function NewDashboardDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; trigger?: boolean }) {
  const org = useCurrentOrganization();
  const navigate = useNavigate();
  const [kpis] = useQuery(() => queries.kpis.list({ orgID: org.orgID }));
  const canShare = () => can(org.role(), 'dashboard', 'edit');
  const [name, setName] = createSignal('');
  const [shared, setShared] = createSignal(true);
  const [template, setTemplate] = createSignal<TemplateID | ''>('');
  const [error, setError] = createSignal<string>();

  const create = async (e: SubmitEvent) => {
    e.preventDefault();
    const chosen = template();
    const finalName = name().trim() || (chosen ? TEMPLATES[chosen].name : '');
    const checked = dashboardFields.name.safeParse(finalName);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message);
      return;
    }
    const id = crypto.randomUUID();
    const widgets = chosen ? templateWidgets(chosen, kpis()).map((w) => ({ ...w, id: crypto.randomUUID() })) : [];
    const outcome = await mutate(mutators.dashboard.create({ id, name: checked.data, shared: shared() && canShare(), widgets }));
    if (outcome.status === 'rejected') {
      setError(outcome.message);
      return;
    }
    props.onOpenChange(false);
    navigate(`/dashboards/${id}`);
  };

  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      title="New dashboard"
      trigger={props.trigger ? { label: 'New dashboard', class: 'button button-secondary' } : undefined}
      initialFocus='input[name="name"]'
      wide
    >
      <form class="form" onSubmit={(e) => void create(e)} novalidate>
        <fieldset class="field template-choice">
          <legend>Start from</legend>
          <div class="template-cards">
            <label class="template-card">
              <input type="radio" name="template" checked={template() === ''} onChange={() => setTemplate('')} />
              <strong>Blank</strong>
              <span>Add widgets yourself.</span>
            </label>
            <For each={TEMPLATE_IDS}>
              {(t) => (
                <label class="template-card">
                  <input type="radio" name="template" checked={template() === t} onChange={() => setTemplate(t)} />
                  <strong>{TEMPLATES[t].name}</strong>
                  <span>{TEMPLATES[t].description}</span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <TextInput
          label="Name"
          name="name"
          value={name()}
          onChange={setName}
          placeholder={template() ? TEMPLATES[template() as TemplateID].name : 'Weekly review'}
        />
        <Show
          when={canShare()}
          fallback={<p class="field-hint">It will be private to you: your role can keep private dashboards, not shared ones.</p>}
        >
          <label class="checkbox">
            <input type="checkbox" checked={shared()} onChange={(e) => setShared(e.currentTarget.checked)} /> Share with everyone
            in the organization
          </label>
        </Show>
        <FormError message={error()} />
        <div class="form-actions">
          <Button type="submit" class="button button-primary">
            Create dashboard
          </Button>
        </div>
      </form>
    </Modal>
  );
}
