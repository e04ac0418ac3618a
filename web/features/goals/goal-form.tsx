import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createMemo, createSignal } from 'solid-js';
import { GOAL_STATUSES, goalInput, goalKpiList, goalWeight } from '../../../shared/goal-fields.ts';
import { normalizeWeights } from '../../../shared/goals.ts';
import { numberInputText, numberText, readNumber } from '../../../shared/numbers.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { Goal, GoalKpi, Kpi } from '../../../sync/schema.ts';
import { FormError } from '../../components/form-error.tsx';
import { SelectField, type SelectOption } from '../../components/select-field.tsx';
import { TextArea } from '../../components/text-area.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { showToast } from '../../components/toast.tsx';
import { createFormState } from '../../lib/form-state.ts';
import { createSubmit } from '../../lib/form-submit.ts';
import { issueFieldErrors } from '../../lib/forms.ts';
import { fromDateInput, toDateInput } from '../kpis/format.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';
import { GoalKpiRows, type KpiRowDraft, type RowErrors } from './goal-kpi-rows.tsx';
import { GOAL_STATUS_LABELS } from './pace.tsx';

const FIELDS = ['title', 'description', 'targetDate', 'status', 'kpis'] as const;
const STATUS_OPTIONS: SelectOption[] = GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }));

export type GoalWithKpis = Goal & { readonly goalKpis: readonly (GoalKpi & { readonly kpi?: Kpi | undefined })[] };

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A goal's KPIs in a stable, readable order (by KPI name): the list and the edit form agree. */
export function sortedLinks(goal: GoalWithKpis): GoalWithKpis['goalKpis'][number][] {
  return [...goal.goalKpis].sort(
    (a, b) => byName.compare(a.kpi?.name ?? '', b.kpi?.name ?? '') || a.kpiID.localeCompare(b.kpiID),
  );
}

/** Ninety days ahead, as a day: a sensible first target date. */
const defaultDate = () =>
  toDateInput(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 90));
let rowSeq = 0;
const newRow = (kpiID = '', weight = '1'): KpiRowDraft => ({ key: `row-${++rowSeq}`, kpiID, weight });

export interface GoalFormProps {
  goal?: GoalWithKpis;
  submitLabel: string;
  onDone: () => void;
  onCancel: () => void;
}

/** Title, description, target date, status, and the KPIs with their weights. */
export function GoalForm(props: GoalFormProps) {
  const org = useCurrentOrganization();
  const [kpis] = useQuery(() => queries.kpis.list({ orgID: org.orgID }));
  // Read once: the dialog rebuilds the form on each opening.
  const snapshot: GoalWithKpis | undefined = props.goal ? JSON.parse(JSON.stringify(props.goal)) : undefined;
  const decimal = org.formats().decimal;
  const [rows, setRows] = createSignal<KpiRowDraft[]>(
    snapshot ? sortedLinks(snapshot).map((l) => newRow(l.kpiID, numberInputText(l.weight, decimal))) : [],
  );
  const [showRowErrors, setShowRowErrors] = createSignal(false);
  const rowsValue = () => rows().map((r) => ({ kpiID: r.kpiID, weight: r.weight }));
  // The shared goal rules, with each weight read from its text as the organization writes numbers.
  const kpiList = goalKpiList(numberText(goalWeight, decimal));
  const schema = goalInput.extend({ kpis: kpiList.default([]) });

  const form = createFormState({
    fields: FIELDS,
    initial: {
      title: snapshot?.title ?? '',
      description: snapshot?.description ?? '',
      targetDate: snapshot ? toDateInput(snapshot.targetDate) : defaultDate(),
      status: snapshot?.status ?? 'active',
      kpis: '',
    },
    parse: (v) =>
      schema.safeParse({
        title: v.title,
        description: v.description,
        targetDate: fromDateInput(v.targetDate),
        status: v.status,
        kpis: rowsValue(),
      }),
  });

  // Active KPIs, plus any archived one the goal still links to (so it can be seen and removed).
  const kpiOptions = createMemo<SelectOption[]>(() => {
    const list = kpis().map((k) => ({ value: k.id, label: k.name }));
    for (const link of snapshot?.goalKpis ?? []) {
      if (!list.some((o) => o.value === link.kpiID))
        list.push({ value: link.kpiID, label: `${link.kpi?.name ?? 'Unknown KPI'} (archived)` });
    }
    return list;
  });
  const shares = createMemo(() =>
    normalizeWeights(
      rows().map((r) => {
        const reading = readNumber(r.weight, { decimal });
        return { weight: reading.ok ? reading.value : 0 };
      }),
    ),
  );
  const rowErrors = createMemo<RowErrors[]>(() => {
    if (!showRowErrors()) return [];
    const result = kpiList.safeParse(rowsValue());
    const out: RowErrors[] = rows().map((r) => (r.kpiID ? {} : { kpiID: 'Choose a KPI, or remove this row' }));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [index, field] = issue.path;
        if (typeof index === 'number' && (field === 'weight' || field === 'kpiID'))
          out[index] = { ...out[index], [field]: out[index]?.[field] ?? issue.message };
      }
    }
    return out;
  });
  const listError = () => (showRowErrors() ? form.errors().kpis : undefined);

  const submit = createSubmit(form, {
    action: async (data) => {
      let outcome: Awaited<ReturnType<typeof mutate>>;
      if (snapshot) {
        const patch: Record<string, unknown> = {};
        if (data.title !== snapshot.title) patch.title = data.title;
        if (data.description !== snapshot.description) patch.description = data.description;
        if (data.targetDate !== snapshot.targetDate) patch.targetDate = data.targetDate;
        if (data.status !== snapshot.status) patch.status = data.status;
        const before = sortedLinks(snapshot).map((l) => ({ kpiID: l.kpiID, weight: l.weight }));
        if (JSON.stringify(before) !== JSON.stringify(data.kpis)) patch.kpis = data.kpis;
        if (Object.keys(patch).length === 0) {
          props.onDone();
          return undefined;
        }
        outcome = await mutate(mutators.goal.update({ id: snapshot.id, ...patch }));
      } else {
        outcome = await mutate(mutators.goal.create({ id: crypto.randomUUID(), ...data }));
      }
      if (outcome.status === 'rejected') {
        const mapped = issueFieldErrors(outcome.issues, FIELDS);
        return { fields: mapped.fields, message: Object.keys(mapped.fields).length ? undefined : outcome.message };
      }
      if (outcome.status === 'waiting')
        showToast({ title: 'Goal saved on this device', description: 'It will sync when the connection is back.' });
      props.onDone();
      return undefined;
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    setShowRowErrors(true);
    if (rows().some((r) => !r.kpiID)) {
      event.preventDefault();
      return;
    }
    void submit.onSubmit(event);
  };

  const changeRow = (key: string, patch: Partial<Omit<KpiRowDraft, 'key'>>) => {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    if (form.errors().kpis) form.blur('kpis');
  };

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-busy={submit.busy()}>
      <FormError message={submit.error()} />
      <TextInput label="Title" autocomplete="off" required {...form.bind('title')} />
      <TextArea label="Description" description="Optional: what success looks like." {...form.bind('description')} />
      <div class="form-grid">
        <TextInput label="Target date" type="date" required {...form.bind('targetDate')} />
        <SelectField label="Status" options={STATUS_OPTIONS} required {...form.bind('status')} />
      </div>
      <GoalKpiRows
        rows={rows()}
        options={kpiOptions()}
        shares={shares()}
        errors={rowErrors()}
        listError={listError()}
        onChange={changeRow}
        onAdd={() => setRows((all) => [...all, newRow()])}
        onRemove={(key) => setRows((all) => all.filter((r) => r.key !== key))}
      />
      <div class="dialog-actions">
        <Button type="button" class="button button-ghost" onClick={() => props.onCancel()}>
          Cancel
        </Button>
        <Button type="submit" class="button button-primary" disabled={submit.busy() || submit.blocked()}>
          {submit.busy() ? 'Saving…' : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
