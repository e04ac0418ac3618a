import { A } from '@solidjs/router';
import { SelectField, type SelectOption } from '../../../components/select-field.tsx';
import { TextInput } from '../../../components/text-input.tsx';

export interface DashboardFiltersProps {
  lines: readonly { id: string; name: string }[];
  shifts: readonly { id: string; name: string }[];
  lineID: string;
  shiftID: string;
  /** "YYYY-MM-DD" */
  from: string;
  to: string;
  withEstimates: boolean;
  /** The range's error, when from is after to or a date is not one. */
  rangeError: string | undefined;
  tvHref: string;
  onChange: (patch: Partial<Record<'line' | 'shift' | 'from' | 'to' | 'est', string | undefined>>) => void;
}

/** The dashboard's filters (kept in the URL, so a filtered view can be shared or put on a wall). */
export function DashboardFilters(props: DashboardFiltersProps) {
  const options = (all: string, rows: readonly { id: string; name: string }[]): SelectOption[] => [
    { value: '', label: all },
    ...rows.map((r) => ({ value: r.id, label: r.name })),
  ];
  return (
    <search class="toolbar sf-filters" aria-label="Filter the line dashboard">
      <SelectField
        class="toolbar-select"
        label="Line"
        name="line"
        options={options('All lines', props.lines)}
        value={props.lineID}
        onChange={(v) => props.onChange({ line: v || undefined })}
      />
      <SelectField
        class="toolbar-select"
        label="Shift"
        name="shift"
        options={options('All shifts', props.shifts)}
        value={props.shiftID}
        onChange={(v) => props.onChange({ shift: v || undefined })}
      />
      <TextInput
        label="From"
        name="from"
        type="date"
        value={props.from}
        onChange={(v) => props.onChange({ from: v || undefined })}
      />
      <TextInput
        label="To"
        name="to"
        type="date"
        value={props.to}
        error={props.rangeError}
        onChange={(v) => props.onChange({ to: v || undefined })}
      />
      <label class="checkbox sf-estimates-toggle">
        <input
          type="checkbox"
          checked={props.withEstimates}
          onChange={(e) => props.onChange({ est: e.currentTarget.checked ? undefined : '0' })}
        />
        Include estimated values
      </label>
      <A class="button button-secondary" href={props.tvHref}>
        TV mode
      </A>
    </search>
  );
}
