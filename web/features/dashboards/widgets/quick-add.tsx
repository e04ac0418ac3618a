import { Popover } from '@kobalte/core/popover';
import type { Kpi } from '../../../../sync/schema.ts';
import { AddDataPointForm } from '../../kpis/dashboard/add-data-point-form.tsx';

export interface QuickAddProps {
  kpi: Kpi;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Quick data entry on a number widget: a small "+" in the card's corner that
 * opens the KPI cards' add-value form in a popover, so the form never takes
 * the number's space. It stays open after a save (the form says "Saved.")
 * for the next value; Escape closes it and focus returns to the "+".
 */
export function QuickAdd(props: QuickAddProps) {
  let content: HTMLElement | undefined;
  return (
    <Popover open={props.open} onOpenChange={props.onOpenChange} placement="bottom-end" gutter={4}>
      <Popover.Trigger class="widget-add-trigger" aria-label={`Add a value to ${props.kpi.name}`} aria-keyshortcuts="a">
        <span aria-hidden="true">+</span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          ref={content}
          class="widget-add-popover"
          onOpenAutoFocus={(event) => {
            // Straight to the value field: one key opened it, the next ones are the number.
            const input = content?.querySelector<HTMLInputElement>('input');
            if (!input) return;
            event.preventDefault();
            input.focus();
          }}
        >
          <div class="widget-add-head">
            <Popover.Title class="widget-add-title" title={props.kpi.name}>
              Add a value to {props.kpi.name}
            </Popover.Title>
            <Popover.CloseButton class="icon-button" aria-label="Close">
              <span aria-hidden="true">×</span>
            </Popover.CloseButton>
          </div>
          <AddDataPointForm kpi={props.kpi} />
        </Popover.Content>
      </Popover.Portal>
    </Popover>
  );
}
