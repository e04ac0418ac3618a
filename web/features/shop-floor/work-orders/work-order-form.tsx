import { Button } from '@kobalte/core/button';
import { createMemo, Show } from 'solid-js';
import { z } from 'zod';
import { numberInputText, numberText } from '../../../../shared/numbers.ts';
import { workOrderFields } from '../../../../shared/shop-floor/work-orders.ts';
import { mutators } from '../../../../sync/mutators.ts';
import type { Product, WorkOrder } from '../../../../sync/schema.ts';
import { FormError } from '../../../components/form-error.tsx';
import { SelectField, type SelectOption } from '../../../components/select-field.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { createFormState } from '../../../lib/form-state.ts';
import { createSubmit } from '../../../lib/form-submit.ts';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { mutate } from '../../sync/mutate.ts';
import { dateTimeFromInput, dateTimeInput, dayFromInput, dayInput } from '../inputs.ts';
import { refusalOf } from '../refusal.ts';

const FIELDS = ['number', 'plannedQuantity', 'productID', 'plannedStart', 'plannedShipDate', 'actualShipDate'] as const;

export interface WorkOrderFormProps {
  /** The order to edit; absent to create one. */
  order?: WorkOrder;
  /** The organization's products (read by the dialog with its page, so the choices are there when the form opens). */
  products: readonly Product[];
  submitLabel: string;
  onDone: (workOrderID: string) => void;
  onCancel: () => void;
}

/**
 * A work order's number, planned quantity, product, planned start and ship
 * dates (and, once it exists, its actual ship date), checked with the shared
 * rules as the person types; an edit sends only what changed. The status
 * moves only by the lifecycle's buttons on the order's page.
 */
export function WorkOrderForm(props: WorkOrderFormProps) {
  const org = useCurrentOrganization();
  const products = () => props.products;
  // Read once: the dialog rebuilds the form on each opening.
  const snapshot = props.order ? { ...props.order } : undefined;
  const decimal = org.formats().decimal;
  const schema = z.object({
    number: workOrderFields.number,
    plannedQuantity: numberText(workOrderFields.plannedQuantity, decimal),
    productID: z.string().transform((v) => v || null),
    plannedStart: z.string().transform(dateTimeFromInput).pipe(workOrderFields.plannedStart),
    plannedShipDate: z.string().transform(dayFromInput).pipe(workOrderFields.plannedShipDate),
    actualShipDate: z.string().transform(dayFromInput).pipe(workOrderFields.actualShipDate),
  });
  const form = createFormState({
    fields: FIELDS,
    initial: {
      number: snapshot?.number ?? '',
      plannedQuantity: snapshot ? numberInputText(snapshot.plannedQuantity, decimal) : '',
      productID: snapshot?.productID ?? '',
      plannedStart: dateTimeInput(snapshot?.plannedStart),
      plannedShipDate: dayInput(snapshot?.plannedShipDate),
      actualShipDate: dayInput(snapshot?.actualShipDate),
    },
    parse: (v) => schema.safeParse(v),
  });

  // Archived products are offered only to an order that already makes one.
  const productOptions = createMemo<SelectOption[]>(() => [
    { value: '', label: 'No product yet' },
    ...products()
      .filter((p) => p.archivedAt == null || p.id === snapshot?.productID)
      .map((p) => ({ value: p.id, label: `${p.code} · ${p.name}${p.archivedAt == null ? '' : ' (archived)'}` })),
  ]);

  const submit = createSubmit(form, {
    action: async (data) => {
      const id = snapshot?.id ?? crypto.randomUUID();
      let outcome: Awaited<ReturnType<typeof mutate>>;
      if (snapshot) {
        const patch: Record<string, unknown> = {};
        for (const key of FIELDS) if (data[key] !== (snapshot[key] ?? null)) patch[key] = data[key];
        if (Object.keys(patch).length === 0) {
          props.onDone(id);
          return undefined;
        }
        outcome = await mutate(mutators.workOrder.update({ id, ...patch }));
      } else {
        const { actualShipDate: _notYet, ...fields } = data;
        outcome = await mutate(mutators.workOrder.create({ id, ...fields }));
      }
      const refused = refusalOf(outcome, FIELDS);
      if (!refused) props.onDone(id);
      return refused;
    },
  });

  return (
    <form class="form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy()}>
      <FormError message={submit.error()} />
      <div class="form-grid">
        <TextInput
          label="Number"
          autocomplete="off"
          required
          description="Unique in the organization, e.g. WO-1007."
          {...form.bind('number')}
        />
        <TextInput label="Planned quantity" inputMode="numeric" autocomplete="off" required {...form.bind('plannedQuantity')} />
        <SelectField label="Product" options={productOptions()} {...form.bind('productID')} />
        <TextInput
          label="Planned start"
          type="datetime-local"
          description="Optional, your local time."
          {...form.bind('plannedStart')}
        />
        <TextInput label="Planned ship date" type="date" description="Optional." {...form.bind('plannedShipDate')} />
        <Show when={snapshot}>
          <TextInput
            label="Actual ship date"
            type="date"
            description="When it left; optional."
            {...form.bind('actualShipDate')}
          />
        </Show>
      </div>
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
